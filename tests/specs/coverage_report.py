"""Print, per API, how many vendor-page fields the spec covers: `python tests/specs/coverage_report.py`.

"Covered" means the row passes every check of test_seed_coverage.py (present, compatible type, the
page's description, the page's constraints). `-v` also lists the rows that are not, with the reasons.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import seedpages as sp  # noqa: E402


def main(verbose: bool) -> int:
    total_covered = total = 0
    for api, conf in sp.APIS.items():
        rows = sp.page_rows(api)
        if not (sp.SPECS / conf.spec).exists():
            print(f"{api}: spec {conf.spec} missing; 0 of {len(rows)} page fields covered")
            total += len(rows)
            continue
        doc = sp.load_spec(conf.spec)
        failing = [(row, p) for row in rows if (p := sp.check_row(doc, conf, row))]
        covered = len(rows) - len(failing)
        print(f"{api}: {covered} of {len(rows)} page fields covered")
        if verbose:
            for row, problems in failing:
                print(f"    {sp.row_id(api, row)}: {'; '.join(problems)}")
        total_covered, total = total_covered + covered, total + len(rows)
    print(f"all: {total_covered} of {total} page fields covered")
    return 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv[1:]))
