import tamis


def report(hit: tamis.Hit) -> bool:
    where = hit.occurrence
    print(f"{hit.object_path}: {hit.type} at line {where.line}, column {where.column}")
    return False  # True stops the scan


config = {"managedDataIdentifierSelector": "RECOMMENDED"}
text = "Name: Jane Doe\nSSN: 536-22-4871\n"

try:
    engine = tamis.Engine(config)
except tamis.ConfigError as error:
    raise SystemExit(f"config: {error}")

with engine:
    result = engine.scan(text, name="record.txt", on_occurrence=report)
    for obj in result:  # one per object: an archive gives one per member
        print(obj.path, obj.status.value, obj.severity.name, obj.counts())
        print(obj.json_text)  # Macie's result document
