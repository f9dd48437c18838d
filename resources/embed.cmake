# Writes a C++ source that holds every resource file as a string literal, so the
# core library (no Qt) finds its chips, models and technology data wherever it runs.
# Usage: cmake -DOUTPUT=file.cpp -DROOT=dir -DFILES="a;b" -P embed.cmake
set(body "// Generated from resources/ by resources/embed.cmake. Do not edit.\n")
string(APPEND body "#include \"core/library/resources.hpp\"\n\nnamespace scoville {\nnamespace {\n")
string(APPEND body "const EmbeddedFile kFiles[] = {\n")
foreach(f IN LISTS FILES)
  file(RELATIVE_PATH rel "${ROOT}" "${f}")
  file(READ "${f}" content)
  string(FIND "${content}" ")SCVRES\"" bad)
  if(NOT bad EQUAL -1)
    message(FATAL_ERROR "${rel} contains the raw-string delimiter")
  endif()
  string(APPEND body "    {\"${rel}\", R\"SCVRES(${content})SCVRES\"},\n")
endforeach()
string(APPEND body "    {\"\", \"\"},  // end marker: keeps the array non-empty\n};\n}  // namespace\n\n")
string(APPEND body "std::span<const EmbeddedFile> embedded_files() { return std::span<const EmbeddedFile>(kFiles).first(std::size(kFiles) - 1); }\n\n}  // namespace scoville\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
