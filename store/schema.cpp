#include "store/schema.hpp"
