#!/usr/bin/env python3
"""Writes Central's built-in edge configuration with opening hours around the clock.

Usage: scripts/write-open-edge-configuration.py OUTPUT.json

For trying the product and for load tests: every call then takes the menu, whatever the hour. The menu, queues and
prompts stay the built-in ones; only the opening hours change. Central serves the file with
--Central:EdgeConfigurationFile=OUTPUT.json.
"""
import json
import pathlib
import sys

BUILT_IN = pathlib.Path(__file__).resolve().parent.parent / "src/Central.Api/Configuration/DefaultEdgeConfiguration.json"


def main(output: str) -> None:
    configuration = json.loads(BUILT_IN.read_text(encoding="utf-8"))
    configuration["openingHours"]["slots"] = [
        {"isoDayOfWeek": day, "opens": "00:00", "closes": "23:59"} for day in range(1, 8)]
    pathlib.Path(output).write_text(json.dumps(configuration, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
