/** On-screen names of the two roles. */
export const ROLE_LABELS = { owner: 'Dono', clerk: 'Atendente' } as const;

/** "Maria das Dores Silva" → "MS", for avatars. */
export const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .filter((_, i, all) => i === 0 || i === all.length - 1)
    .map((w) => w[0]!.toUpperCase())
    .join('');
