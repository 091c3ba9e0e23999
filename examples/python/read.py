"""The package's data in Python, with the standard library only (a Jupyter user on the Python
kernel): datasets/datapackage.json describes each CSV file, its columns and their types; an empty
cell is a figure not reported (a dash in the source), read as None, never 0.

Usage: python3 read.py [DATASETS_DIR] [DATASET]  (defaults: the clone's datasets/, by-status)
In a notebook, paste the functions and call read_dataset(path, 'by-status').
"""
import csv
import json
import pathlib
import sys

NUMBER_TYPES = {'number': float, 'integer': int}


def read_dataset(datasets, name):
    """The rows of one dataset as dicts, each value converted to its declared type (None if empty)."""
    datasets = pathlib.Path(datasets)
    package = json.loads((datasets / 'datapackage.json').read_text(encoding='utf-8'))
    resource = next(r for r in package['resources'] if r['name'] == name)
    types = {f['name']: f['type'] for f in resource['schema']['fields']}
    missing = set(resource['schema'].get('missingValues', ['']))
    with open(datasets / resource['path'], newline='', encoding='utf-8') as f:
        return [
            {k: None if v in missing else NUMBER_TYPES.get(types[k], str)(v) for k, v in row.items()}
            for row in csv.DictReader(f)
        ]


if __name__ == '__main__':
    here = pathlib.Path(__file__).resolve().parent
    datasets = sys.argv[1] if len(sys.argv) > 1 else here.parent.parent / 'datasets'
    name = sys.argv[2] if len(sys.argv) > 2 else 'by-status'
    print(json.dumps(read_dataset(datasets, name), ensure_ascii=False))
