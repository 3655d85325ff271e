# Thin wrappers over desktop/bootstrap.py, which needs nothing but Python 3.11+.
PY ?= python3

.PHONY: run test setup lint bench screenshots wheel package install-app uninstall-app clean

run:
	$(PY) -m desktop.bootstrap run

test:
	$(PY) -m desktop.bootstrap test

setup:
	$(PY) -m desktop.bootstrap setup

lint: setup
	.venv/bin/ruff check desktop tests bench tools
	.venv/bin/lint-imports --no-logo
	.venv/bin/mypy

XVFB = xvfb-run -a -s "-screen 0 1600x1000x24"

bench: setup
	.venv/bin/python bench/bench_import.py
	.venv/bin/python bench/bench_anchoring.py
	.venv/bin/python bench/bench_export.py
	$(XVFB) .venv/bin/python bench/bench_views.py
	$(XVFB) .venv/bin/python bench/bench_gui_start.py
	$(XVFB) .venv/bin/python bench/bench_gui_import.py
	$(XVFB) .venv/bin/python bench/bench_corpus_table.py

# The wheel (with resources/ and seeds/ inside as desktop/_resources, desktop/_seeds) into dist/.
wheel: setup
	.venv/bin/python -m pip wheel --no-deps --no-build-isolation -w dist .

# The PyInstaller one-folder app: dist/reviewdesk/reviewdesk (about 1–2.5 minutes on 2 cores).
package: setup
	.venv/bin/python -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/reviewdesk.spec
	dist/reviewdesk/reviewdesk --version

# Install the built app for the current user (~/.local, or PREFIX=...): launcher, icon, AppStream metainfo.
install-app:
	packaging/install.sh

uninstall-app:
	packaging/install.sh --uninstall

screenshots: setup
	$(XVFB) .venv/bin/python -m tools.screenshots docs --language zh_CN
	$(XVFB) .venv/bin/python -m tools.screenshots docs --language zh_CN --layout 1600x1000 --layout 1366x768
	xvfb-run -a -s "-screen 0 2000x1200x24" .venv/bin/python -m tools.screenshots docs --language zh_CN \
		--layout 1280x720 --layout 1920x1080
	QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 3300x2100x24" .venv/bin/python -m tools.screenshots docs \
		--language zh_CN --layout 1600x1000:2x
	$(XVFB) .venv/bin/python -m tools.agencies_screenshots docs --language zh_CN

clean:
	rm -rf .venv build dist *.egg-info
