#include "isolens/core/host/utility_vm_attribution.hpp"

namespace isolens {

Result<std::vector<ComputeSystem>> enumerateComputeSystems()
{
    return makeError(ErrorKind::Other, "the Host Compute Service exists only on Windows");
}

} // namespace isolens
