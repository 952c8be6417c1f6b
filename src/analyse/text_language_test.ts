import assert from "node:assert/strict";
import { foreignStopwords } from "./text_language.ts";

const SPANISH = "La descripción del modelo escrita en el lenguaje consiste en un conjunto de " +
  "sentencias y bloques de datos construidos por el usuario a partir de los elementos del " +
  "lenguaje que se describen en este documento. Los nombres simbólicos se usan para " +
  "identificar los objetos del modelo, y las expresiones numéricas calculan sus valores.";

Deno.test("foreignStopwords() gives the function words of a text in another language", () => {
  const found = foreignStopwords(SPANISH);
  assert.ok(found?.has("los") && found.has("del"), [...found ?? []].join(" "));
});

Deno.test("foreignStopwords() gives none for English, however much code it holds", () => {
  assert.equal(
    foreignStopwords("The routine reads the graph from a file and stores it in memory."),
    undefined,
  );
  const code = "glp_add_arc(G, i, j); glp_set_obj_dir(lp, GLP_MAX); int ret = glp_simplex(lp, " +
    "NULL); The routine returns zero when it succeeds.";
  assert.equal(foreignStopwords(code), undefined);
  assert.equal(foreignStopwords(""), undefined);
});

Deno.test("foreignStopwords() gives the function words of a translation that keeps English's in its examples", () => {
  // "a", "as", "do", "no" are English function words too: 8% of the words here.
  const portuguese = "Este documento descreve alterações no comportamento do servidor que " +
    "podem exigir que você altere sua configuração ou a forma como usa o servidor para " +
    "continuar usando a versão 2.4 da mesma forma que usa a versão 2.2. As diretivas do " +
    "módulo são descritas abaixo, com os requisitos para compilar e instalar o servidor. " +
    "Para mais detalhes sobre as novas funcionalidades, veja o documento de atualização, " +
    "que descreve as mudanças e como elas afetam a sua configuração do servidor.";
  assert.ok(foreignStopwords(portuguese)?.has("que"));
});

Deno.test("foreignStopwords() knows a language's verbs of function too ('pode ser', 'can be')", () => {
  const portuguese = "O servidor pode ser configurado para usar o módulo, e as diretivas " +
    "antigas devem ser substituídas. Além disso, são necessárias as novas diretivas do " +
    "servidor, que podem ser compiladas como módulos carregáveis no momento da compilação. " +
    "Se você deseja que seu servidor continue em execução após uma reinicialização do sistema, " +
    "adicione uma chamada aos seus arquivos de inicialização, que são lidos quando ele começa.";
  const found = foreignStopwords(portuguese);
  for (const word of ["pode", "ser", "são", "devem", "além"]) {
    assert.ok(found?.has(word), word);
  }
});
