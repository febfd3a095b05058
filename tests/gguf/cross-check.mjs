// cross-check.mjs: reads the sample GGUF files with @huggingface/gguf and
// compares every metadata value, every tensor info, the data offset and the
// parameter count with what Rigwise's reader read (gguf-dump's JSON).
//
//   node cross-check.mjs OURS.json      (run by cross-check.sh)
//
// Exit status 0 when both readers agree on everything, 1 otherwise (each
// difference is printed).
import { readFileSync } from "node:fs";
import { gguf } from "@huggingface/gguf";

const ours = JSON.parse(readFileSync(process.argv[2], "utf8"));
let differences = 0;
let checked = 0;

function differ(file, what, mine, theirs) {
  differences++;
  console.log(`${file}: ${what}: Rigwise ${JSON.stringify(mine)}, @huggingface/gguf ${JSON.stringify(theirs, (k, v) => typeof v === "bigint" ? v.toString() : v)}`);
}

function same(file, what, mine, theirs) {
  checked++;
  if (String(mine) !== String(theirs)) differ(file, what, mine, theirs);
}

for (const file of ours) {
  const name = file.file.split("/").pop();
  const parsed = await gguf(file.file, { allowLocalFile: true, typedMetadata: true, computeParametersCount: true });
  const typed = parsed.typedMetadata;

  same(name, "version", file.version, typed.version.value);
  same(name, "tensor count", file.tensors.length, typed.tensor_count.value);
  same(name, "metadata count", Object.keys(file.metadata).length, typed.kv_count.value);
  same(name, "data offset", file.data_offset, parsed.tensorDataOffset);
  same(name, "parameters", file.params, parsed.parameterCount);

  for (const [key, mine] of Object.entries(file.metadata)) {
    const theirs = typed[key];
    if (theirs === undefined) { differ(name, key, mine, "absent"); continue; }
    same(name, `${key} type`, mine.type, theirs.type);
    if (mine.type === 9) {
      same(name, `${key} element type`, mine.element_type, theirs.subType);
      same(name, `${key} length`, mine.length, theirs.value.length);
      if (mine.values !== undefined)
        mine.values.forEach((v, i) => same(name, `${key}[${i}]`, v, Number(theirs.value[i])));
    } else if (mine.value !== undefined) {
      same(name, key, mine.value, typeof theirs.value === "boolean" ? Number(theirs.value) : theirs.value);
    } else {
      same(name, key, mine.number, Number(theirs.value));
    }
  }

  file.tensors.forEach((t, i) => {
    const theirs = parsed.tensorInfos[i];
    same(name, `tensor ${i} name`, t.name, theirs.name);
    same(name, `${t.name} type`, t.type, theirs.dtype);
    same(name, `${t.name} offset`, t.offset, theirs.offset);
    same(name, `${t.name} shape`, t.shape.join("x"), theirs.shape.map(String).join("x"));
  });
}

console.log(`${checked} values compared over ${ours.length} files, ${differences} differences`);
process.exit(differences === 0 && checked > 0 ? 0 : 1);
