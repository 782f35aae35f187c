"""`make ui`: Dagster's webserver and daemon on 127.0.0.1 with the project's DAGSTER_HOME.

`make ui-team` (`--team`) uses the PostgreSQL instance of deploy/dagster.postgres.yaml.

The automation and source-file sensors start RUNNING, so editing a raw file rebuilds its
downstream assets and the report within seconds.
"""

import os
import sys

from pipeline.instance import dagster_home, team_home
from pipeline.project import Project

HOST = "127.0.0.1"


def command(port: int) -> list[str]:
    return [sys.executable, "-m", "dagster", "dev", "-m", "pipeline.definitions",
            "--host", HOST, "--port", str(port)]


def main() -> None:
    project = Project.from_env()
    if "--team" in sys.argv:
        team_home(project)
    else:
        dagster_home(project)
    port = int(os.environ.get("DAGSTER_PORT", "3000"))
    print(f"Dagster UI on http://{HOST}:{port} (DAGSTER_HOME={os.environ['DAGSTER_HOME']})")
    os.execv(sys.executable, command(port))


if __name__ == "__main__":
    main()
