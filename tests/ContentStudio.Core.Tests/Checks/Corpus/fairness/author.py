"""Authoring helpers for the fairness corpus: campaigns are written by hand in dev.py / test.py and emitted as
JSONL in the `studio check-campaign` input shape (plus "label" and "expected"). Run: python3 author.py"""
import json, importlib, sys

def S(key, prot=(), just=(), name=None, **attrs):
    return {"key": key, "name": name or key.replace("-", " "), "attributes": {k.replace("_", "-"): v for k, v in attrs.items()},
            "protected": list(prot), "justifying": list(just)}

def V(id, seg, ch, field, text):
    return {"id": id, "segment": seg, "channel": ch, "field": field, "text": text}

def B(product, offer="", extras=()):
    return {"product": product, "offer": offer, "extras": [{"segments": list(s), "text": t} for s, t in extras]}

def E(type, variants, attribute):
    return {"type": type, "variants": list(variants), "attribute": attribute}

def C(id, label, brief, segments, variants, expected=()):
    return {"id": id, "label": label, "brief": brief, "segments": segments, "variants": variants, "expected": list(expected)}

if __name__ == "__main__":
    for part in ("dev", "test"):
        campaigns = importlib.import_module(part + "_part").CAMPAIGNS
        ids = [c["id"] for c in campaigns]
        assert len(ids) == len(set(ids)), f"duplicate id in {part}"
        with open(f"{part}.jsonl", "w") as f:
            for c in campaigns:
                segs = {s["key"] for s in c["segments"]}
                vids = {v["id"] for v in c["variants"]}
                assert all(v["segment"] in segs for v in c["variants"]), c["id"]
                assert all(set(e["variants"]) <= vids for e in c["expected"]), c["id"]
                assert (c["label"] == "unfair") == bool(c["expected"]), c["id"]
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(part, len(campaigns), {l: sum(c["label"] == l for c in campaigns) for l in ("fair", "unfair", "legit")})
