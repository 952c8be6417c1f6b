import assert from "node:assert/strict";
import { copyrightHolder } from "./html_copyright.ts";

Deno.test("copyrightHolder() reads the holder a page's copyright notice names", () => {
  assert.equal(
    copyrightHolder(
      "Found a bug? © Copyright 2001-2026, Python Software Foundation. This page is licensed " +
        "under the Python Software Foundation License Version 2.",
    ),
    "Python Software Foundation",
  );
  assert.equal(copyrightHolder("Copyright (c) 2003, 2005-2007 by John Smith"), "John Smith");
  assert.equal(
    copyrightHolder("Copyright © 2024 Quillmark Lamps, Inc. All rights reserved."),
    "Quillmark Lamps, Inc",
  );
  assert.equal(copyrightHolder("Copyright 2019 Harbour Works | Privacy"), "Harbour Works");
  // A line break between the notice and the licence is no space in the page's text.
  assert.equal(
    copyrightHolder("Copyright 2026 The Harbour Lamp Foundation.Licensed under the Lamp Licence."),
    "The Harbour Lamp Foundation",
  );
  assert.equal(copyrightHolder("Copyright 2020 lamps.example.org"), undefined);
});

Deno.test("copyrightHolder() takes the last notice, where a footer has it", () => {
  assert.equal(
    copyrightHolder("Copyright 1999 Ada Lovelace. The text. © 2001-2026 Harbour Works."),
    "Harbour Works",
  );
});

Deno.test("copyrightHolder() reads no holder from prose about copyright", () => {
  assert.equal(
    copyrightHolder("Copyright law protects the text. See the copyright notice."),
    undefined,
  );
  assert.equal(copyrightHolder("Copyright 2019"), undefined);
  assert.equal(copyrightHolder("© 2020 ."), undefined);
});
