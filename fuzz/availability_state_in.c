/* Fuzz target: text input (availability_state_in); the checks are in harness.h. */
#include "harness.h"

FUZZ_TYPE(availability_state, false);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_text(&fuzz_type, data, size);
}
