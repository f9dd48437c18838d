# The Debian package, scoville_<version>_<arch>.deb, of everything `cmake --install` installs
# (make package). Its library dependencies come from the linked libraries (dpkg-shlibdeps, from
# dpkg-dev); Depends adds what Qt loads at run time, which no linker sees.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME scoville)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Scoville maintainers")
set(CPACK_PACKAGE_CONTACT "Scoville maintainers <maintainers@users.noreply.r-seed-01537186.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${CMAKE_CURRENT_LIST_DIR}/description.txt)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION electronics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Sessions are SQLite files read through Qt Sql's SQLite driver, a plugin.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Without qt6-wayland the GUI runs on Wayland through XWayland; the Chinese interface needs a font
# with CJK glyphs and takes Qt's own dialogs (file choosers, buttons) from qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-wayland, fonts-noto-cjk | fonts-wqy-microhei | fonts-droid-fallback, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
