"""Reports for admins: the numbers (data.py), charts (charts.py, matplotlib imported lazily),
the self-contained HTML file of `python -m bot report --html FILE` (html.py)."""
