// Compiled by architecture.upward_include_fails with the base module's include path only: it includes
// a header of the engine module, above base, so it must not compile. The same file compiled with the
// engine module's path (architecture.allowed_include_builds) shows that the failure is the missing path.
#include "isolens/core/engine/engine_client.hpp"

int main()
{
    return isolens::kClientMaxApiVersion.major;
}
