/* Fuzz target: binary input (severity_recv); the checks are in harness.h. */
#include "harness.h"

FUZZ_TYPE(severity, true);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_binary(&fuzz_type, data, size);
}
