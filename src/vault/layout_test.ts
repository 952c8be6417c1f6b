import assert from "node:assert/strict";
import { compareNames } from "./layout.ts";

Deno.test("compareNames() orders numbered names as a reader counts, case aside", () => {
  const names = [
    "Sources/10.2. X.509 certificates.md",
    "Sources/2.4. Why Debian.md",
    "Sources/1.6. Lifecycle of a Release.md",
    "Sources/lecture 10.md",
    "Sources/Lecture 2.md",
  ];
  assert.deepEqual(names.toSorted(compareNames), [
    "Sources/1.6. Lifecycle of a Release.md",
    "Sources/2.4. Why Debian.md",
    "Sources/10.2. X.509 certificates.md",
    "Sources/Lecture 2.md",
    "Sources/lecture 10.md",
  ]);
});
