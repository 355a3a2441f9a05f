/* Fuzz target: binary input (availability_state_recv); the checks are in harness.h. */
#include "harness.h"

FUZZ_TYPE(availability_state, false);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_binary(&fuzz_type, data, size);
}
