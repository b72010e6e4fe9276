/** Lower-case without accents, so "João" is found by "joao" (customer search, CSV matching). */
export const foldText = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
