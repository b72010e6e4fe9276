import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanForbidden, FORBIDDEN_RULES } from './forbidden';
import { registeredCatalogs, type CatalogText } from './catalog-registry';
import { defaultSettings } from '../settings-defaults';

// Every text the customer may read or hear is scanned for CALLS.md "Avoid" (CDC art. 42 and 71). Catalogs
// register themselves when their module loads (catalog-registry.ts); this test loads every module under
// shared/collection/ so a new catalog cannot be forgotten, and also scans any exported array of strings
// (or of objects with a `text`) that a module exports without registering.

const here = dirname(fileURLToPath(import.meta.url));

function moduleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? moduleFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

function exportedTexts(mod: Record<string, unknown>, file: string): CatalogText[] {
  const out: CatalogText[] = [];
  for (const [name, value] of Object.entries(mod)) {
    if (!Array.isArray(value) || name === 'FORBIDDEN_RULES') continue;
    value.forEach((v, i) => {
      if (typeof v === 'string' && v.includes(' ')) out.push({ key: `${file}:${name}[${i}]`, text: v });
      else if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') out.push({ key: `${file}:${name}[${i}]`, text: (v as { text: string }).text });
    });
  }
  return out;
}

async function everyText(): Promise<CatalogText[]> {
  const texts: CatalogText[] = [];
  for (const file of moduleFiles(here)) {
    if (file.endsWith('forbidden.ts')) continue; // the list of what is forbidden, by definition
    const mod = (await import(file)) as Record<string, unknown>;
    texts.push(...exportedTexts(mod, file.slice(here.length + 1)));
  }
  for (const c of registeredCatalogs()) texts.push(...c.texts().map((t) => ({ key: `${c.id}:${t.key}`, text: t.text })));
  // The régua as it ships in a new store's settings.
  for (const s of defaultSettings.regua.steps) texts.push({ key: `settings:regua:${s.id}`, text: s.template });
  return texts;
}

describe('catalog scan: no forbidden content in anything we ship', () => {
  it('finds the shipped catalogs and every text is clean', async () => {
    const texts = await everyText();
    expect(registeredCatalogs().map((c) => c.id)).toContain('message-templates');
    expect(texts.length).toBeGreaterThan(10);
    const dirty = texts.flatMap((t) => scanForbidden(t.text).map((h) => `${t.key}: "${h.found}" (${h.label})`));
    expect(dirty).toEqual([]);
  });
});

describe('forbidden scanner: catches each item of CALLS.md "Avoid"', () => {
  const cases: [string, string][] = [
    ['devedor', 'Prezado DEVEDOR, regularize sua situação.'],
    ['devedor', 'Aviso às devedoras da loja.'],
    ['inadimplente', 'Consta que você está inadimplente.'],
    ['inadimplente', 'Sua inadimplência foi registrada.'],
    ['calote', 'Não aceitamos calote.'],
    ['calote', 'Não seja caloteiro!'],
    ['mau-pagador', 'Você agora é considerado mau pagador.'],
    ['nome-sujo', 'Seu nome sujo vai atrapalhar suas compras.'],
    ['nome-sujo', 'Não deixe a loja sujar o seu nome.'],
    ['nome-sujo', 'Venha limpar seu nome hoje.'],
    ['esta-devendo', 'O senhor está devendo três parcelas.'],
    ['esta-devendo', 'Você deve R$ 300,00 para a loja.'],
    ['ultimo-aviso', 'ÚLTIMO AVISO antes das medidas.'],
    ['ultimo-aviso', 'Esta é sua última chance de pagar.'],
    ['urgente', 'URGENTE: pague em até 24 horas.'],
    ['prisao', 'Isso pode dar prisão.'],
    ['prisao', 'Você pode ser preso.'],
    ['prisao', 'Quem não paga vai para a cadeia.'],
    ['policia', 'Vamos chamar a polícia.'],
    ['policia', 'O caso será levado à delegacia.'],
    ['crime', 'Abriremos um processo criminal contra você.'],
    ['crime', 'Não pagar é crime.'],
    ['penhora', 'Seus bens irão para penhora.'],
    ['penhora', 'Será feito desconto no salário.'],
    ['penhora', 'Vamos descontar da sua aposentadoria.'],
    ['penhora', 'O oficial de justiça irá até sua casa.'],
    ['para-sempre', 'Seu nome ficará negativado para sempre.'],
    ['para-sempre', 'Você nunca mais vai conseguir comprar a crédito.'],
    ['terceiros', 'Vamos avisar a sua família.'],
    ['terceiros', 'Vou ligar para o seu trabalho.'],
    ['terceiros', 'Informaremos seus vizinhos sobre a pendência.'],
    ['terceiros', 'Seu patrão vai ficar sabendo.'],
    ['terceiros', 'Os colegas vão saber.'],
    ['terceiros', 'Entraremos em contato com o seu empregador.'],
    ['vergonha', 'Que vergonha atrasar de novo.'],
    ['vergonha', 'Atitude irresponsável.'],
    ['juridiques', 'Esta é uma notificação extrajudicial.'],
    ['juridiques', 'O senhor fica constituído em mora.'],
    ['juridiques', 'Sob pena de medidas cabíveis.'],
    ['juridiques', 'O título será levado a protesto.'],
    ['link', 'Pague pelo link https://pagar.exemplo.com/x'],
    ['link', 'Acesse www.boleto-facil.com'],
    ['link', 'Clique aqui para pagar: bit.ly/abc'],
  ];
  it.each(cases)('%s: %s', (ruleId, text) => {
    expect(scanForbidden(text).map((h) => h.ruleId)).toContain(ruleId);
  });

  it('every rule is exercised by at least one case', () => {
    const covered = new Set(cases.map(([r]) => r));
    expect(FORBIDDEN_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('ignores accents and case, and points at the words as written', () => {
    const [hit] = scanForbidden('Olá! Este é o ÚlTiMo   Aviso.');
    expect(hit).toMatchObject({ ruleId: 'ultimo-aviso', found: 'ÚlTiMo   Aviso' });
    expect(hit.why).toMatch(/urgência/);
  });

  it('leaves the words we prefer alone', () => {
    const fine = [
      'Oi, Ana, tudo bem? A parcela 3/10, que venceu sexta-feira, 20/11, ainda aparece em aberto. Vamos resolver juntos?',
      'Você deve receber o carnê novo pelo correio.',
      'Se precisar, a gente regulariza a pendência com um acordo que caiba no seu orçamento.',
      'Antes de qualquer registro em birô, a loja envia um aviso por escrito com prazo; depois do pagamento, o registro sai em até 5 dias úteis.',
      'Pode pagar aqui na loja ou por PIX, chave loja@exemplo.com.br.',
      'Me conta o que aconteceu? Sua conta está em dia com a gente desde o ano passado.',
      'Qual o melhor horário para falar com você?',
    ];
    for (const text of fine) expect(scanForbidden(text), text).toEqual([]);
  });
});
