// Inside a learning management system, answers stay in the tab unless the learner chose to keep them on the
// device (lib/lms.js); the choice is a device setting outside the site's prefix.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  keepOnDevice, keepOnDeviceKey, keepsOnDevice, lmsConnection, lmsTabOnly,
} from "../../overrides/assets/js/lib/lms.js";
import { MemoryStorage } from "./memory-storage.mjs";

const namespace = { name: "glenbarra-reflective-supervision", scope: "scorm" };

test("the keep-on-device setting lives outside the site's prefix", () => {
  assert.equal(keepOnDeviceKey(namespace), "glenbarra-reflective-supervision:scorm#lms-keep-on-device");
  assert.ok(!keepOnDeviceKey(namespace).startsWith("glenbarra-reflective-supervision:scorm:"));
});

test("inside an LMS answers stay in the tab until the learner chooses the device", () => {
  const area = new MemoryStorage();
  assert.equal(lmsTabOnly(namespace, { connected: true, area }), true);
  assert.equal(lmsTabOnly(namespace, { connected: false, area }), false);
  assert.equal(keepOnDevice(namespace, area), true);
  assert.equal(keepsOnDevice(namespace, area), true);
  assert.equal(lmsTabOnly(namespace, { connected: true, area }), false);
  assert.equal(lmsTabOnly({ ...namespace, name: "other-copy" }, { connected: true, area }), true);
});

test("a page is in an LMS only when its parent is a connected launch page", () => {
  const page = { parent: null };
  page.parent = { rsScorm: { connected: true } };
  assert.ok(lmsConnection(page));
  page.parent = { rsScorm: { connected: false } };
  assert.equal(lmsConnection(page), null);
  const top = {};
  top.parent = top;
  assert.equal(lmsConnection(top), null);
  const crossOrigin = { get parent() { throw new Error("SecurityError"); } };
  assert.equal(lmsConnection(crossOrigin), null);
  assert.equal(lmsConnection(undefined), null);
});
