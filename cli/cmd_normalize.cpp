// Placeholder until the owning issue lands this command.
#include <cstdio>

#include "commands.h"

namespace matn::cli {

int RunNormalize(int, char**) {
  std::fputs("matn normalize: not built yet\n", stderr);
  return kExitUsage;
}

}  // namespace matn::cli
