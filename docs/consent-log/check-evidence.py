#!/usr/bin/env python3
"""Checks an Interoffice consent evidence file offline: python3 check-evidence.py FILE [KEYS.pem]. Needs openssl."""
import base64, hashlib, json, subprocess, sys, tempfile, os
from datetime import datetime, timezone

sha = lambda text: hashlib.sha256(text.encode()).hexdigest()
compact = lambda value: json.dumps(value, separators=(",", ":"))
utc = lambda iso: datetime.fromisoformat(iso).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
evidence = json.load(open(sys.argv[1], encoding="utf-8"))
published = open(sys.argv[2]).read() if len(sys.argv) > 2 else None
snapshots = {s["hash"]: s["content"] for s in evidence["snapshots"]}
keys = {k["fingerprint"]: k["publicKeyPem"] for k in evidence["keys"]}
ok = bool(evidence["records"])

def verify(pem, statement, signature):
    with tempfile.TemporaryDirectory() as d:
        files = {n: os.path.join(d, n) for n in ("key.pem", "statement", "signature")}
        open(files["key.pem"], "w").write(pem)
        open(files["statement"], "wb").write(statement.encode())
        open(files["signature"], "wb").write(base64.b64decode(signature))
        der = subprocess.run(["openssl", "pkey", "-pubin", "-in", files["key.pem"], "-outform", "DER"], capture_output=True, check=True).stdout
        checked = subprocess.run(["openssl", "dgst", "-sha256", "-verify", files["key.pem"], "-signature", files["signature"], files["statement"]], capture_output=True)
        return hashlib.sha256(der).hexdigest(), checked.returncode == 0

for r in evidence["records"]:
    head, fields = r["head"], json.loads(r["contentInput"] or "null")
    checks = {
        "content hash": r["format"] == 2 and sha(r["contentInput"]) == r["contentHash"],
        "fields": fields == ["interoffice-consent-record/2", evidence["consentId"], utc(r["recordedAt"]), r["policyVersion"], r["method"],
                             r["analytics"], r["tracking"], r["social"], r["advertising"], r["globalPrivacyControl"], r["browserFamily"]],
        "snapshot": sha(snapshots.get(r["policyVersion"], "")) == r["policyVersion"],
        "link": r["hashInput"] == compact(["interoffice-consent-link/2", r["previousHash"], r["contentHash"]]) and sha(r["hashInput"]) == r["hash"],
    }
    hash = r["hash"]
    for content_hash in r["path"]:
        hash = sha(compact(["interoffice-consent-link/2", hash, content_hash]))
    checks["path to head"] = head is not None and hash == head["hash"] and r["position"] + len(r["path"]) == head["size"]
    if head is not None:
        checks["statement"] = head["statement"] == compact(["interoffice-consent-head/1", head["from"], head["size"], head["hash"], head["signedAt"], head["keyFingerprint"]])
        fingerprint, valid = verify(keys.get(head["keyFingerprint"], ""), head["statement"], head["signature"]) if head["keyFingerprint"] in keys else ("", False)
        checks["signature"] = valid and fingerprint == head["keyFingerprint"]
        checks["published key"] = published is None or "".join(keys.get(head["keyFingerprint"], "-").split()) in "".join(published.split())
    failed = [name for name, passed in checks.items() if not passed]
    ok = ok and not failed
    print(f"record {r['id']}: " + ("ok" if not failed else "FAILED: " + ", ".join(failed)))
print("evidence ok" if ok else "evidence NOT ok")
sys.exit(0 if ok else 1)
