// A backup file's bytes are decoded strictly: one that is not valid UTF-8 (fixtures/backups/undecodable/) is
// refused with a message, never imported with U+FFFD in place of the learner's words.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { BackupError, MAX_BYTES, decodeBackup, parseBackup } from "../../overrides/assets/js/lib/backup.js";

const fixture = (path) => readFileSync(new URL(`./fixtures/backups/${path}`, import.meta.url));

test("a backup file that is not valid UTF-8 is refused with a message, never read with replacement characters", () => {
  const bytes = fixture("undecodable/latin-1-title.json");
  const refused = (error) => error instanceof BackupError && /not valid UTF-8/.test(error.message);
  assert.throws(() => decodeBackup(bytes), refused);
  const good = fixture("valid/full.json");
  const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]);
  assert.deepEqual(parseBackup(decodeBackup(withMark)), JSON.parse(good.toString("utf8")));
  assert.throws(() => decodeBackup(new Uint8Array(MAX_BYTES + 1)), /too large/);
});
