/*
 * main.c
 *		Runs every core unit case; exits 1 if any failed.
 */
#include "unit.h"

static const unit_case *const suites[] = {
	money_cases, drugcode_cases, tracecode_cases, orgcode_cases, uscc_cases, rng_cases, apportion_cases, price_cases, stats_cases, tally_cases, parse_cases, supply_cases, NULL
};

int
main(void)
{
	int			passed = 0,
				failed = 0;
	int			s;

	for (s = 0; suites[s] != NULL; s++)
	{
		const unit_case *c;

		for (c = suites[s]; c->name != NULL; c++)
		{
			int			failures = 0;

			c->fn(&failures);
			printf("%s %s\n", failures == 0 ? "ok" : "FAIL", c->name);
			if (failures == 0)
				passed++;
			else
				failed++;
		}
	}
	printf("core unit tests: %d of %d passed\n", passed, passed + failed);
	return failed == 0 ? 0 : 1;
}
