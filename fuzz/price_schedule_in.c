/* Fuzz target: text input (price_schedule_in); the checks are in harness.h. */
#include "harness.h"

FUZZ_TYPE(price_schedule, false);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_text(&fuzz_type, data, size);
}
