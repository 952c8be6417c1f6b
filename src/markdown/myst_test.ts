import assert from "node:assert/strict";
import { mystAsObsidian } from "./myst.ts";

Deno.test("mystAsObsidian() writes MyST admonitions as Obsidian callouts, options left out", () => {
  const markdown = "# Lamps\n\nTrim the wicks at dusk.\n\n```{note}\n:class: small\nThe oil is " +
    "whale oil.\n\nIt burns clean.\n```\n\n```{versionadded} 2.1\nGas lamps.\n```\n\nThe end.\n";
  assert.equal(
    mystAsObsidian(markdown),
    "# Lamps\n\nTrim the wicks at dusk.\n\n> [!note]\n> The oil is whale oil.\n>\n> It burns " +
      "clean.\n\n> [!info] New in version 2.1\n> Gas lamps.\n\nThe end.\n",
  );
});

Deno.test("mystAsObsidian() keeps the code inside a titled admonition, and other code as it is", () => {
  const markdown = "````{admonition} Example\nLight it so:\n\n```\n$ light --wick\n```\n````\n\n" +
    "```{pip-cli}\n$ pip install lamps\n```\n\n```python\nlamp = 1\n```\n";
  assert.equal(
    mystAsObsidian(markdown),
    "> [!note] Example\n> Light it so:\n>\n> ```\n> $ light --wick\n> ```\n\n" +
      "```{pip-cli}\n$ pip install lamps\n```\n\n```python\nlamp = 1\n```\n",
  );
});

Deno.test("mystAsObsidian() drops a cross-reference's target line and leaves plain Markdown be", () => {
  assert.equal(
    mystAsObsidian("(lamps)=\n# Lamps\n\nTrim the wicks.\n"),
    "# Lamps\n\nTrim the wicks.\n",
  );
  const plain = "# Lamps\n\n(See the wicks.)\n\n```\ncode\n```\n";
  assert.equal(mystAsObsidian(plain), plain);
});
