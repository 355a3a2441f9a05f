/* Fuzz target: binary input (price_schedule_recv); the checks are in harness.h. */
#include "harness.h"

FUZZ_TYPE(price_schedule, false);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_binary(&fuzz_type, data, size);
}
