// Placeholder until the owning issue lands this command.
#include <cstdio>

#include "commands.h"

namespace matn::cli {

int RunDate(int, char**) {
  std::fputs("matn date: not built yet\n", stderr);
  return kExitUsage;
}

}  // namespace matn::cli
