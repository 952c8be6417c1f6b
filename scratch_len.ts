const dir = Deno.args[0];
const manifest = JSON.parse(Deno.readTextFileSync(`${dir}/manifest.json`));
for (const e of manifest) {
  if (e.split !== "tune") continue;
  const ref = JSON.parse(Deno.readTextFileSync(`${dir}/${e.id}.ref.json`));
  console.log(e.id, ref.summary.split(/\s+/).length);
}
