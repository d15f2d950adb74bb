from __future__ import annotations

from nearer.cli import main

raise SystemExit(main())
