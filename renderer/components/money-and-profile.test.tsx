// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderWithTheme } from '../test-utils';
import { Money } from './Money';
import { ProfileBadge } from './ProfileBadge';
import { PROFILE_KINDS, PROFILE_LABELS } from '../../shared/ui-format/profile';
import { PROFILE_COLORS } from '../theme';

afterEach(cleanup);

describe('Money', () => {
  it('shows centavos the Brazilian way, with tabular figures', () => {
    renderWithTheme(<Money cents={123456} />);
    const el = screen.getByText('R$ 1.234,56');
    expect(el.style.fontVariantNumeric).toBe('tabular-nums');
    expect(el.style.color).toBe('');
  });

  it('paints a late amount in the warm late colour, but not a zero', () => {
    renderWithTheme(
      <>
        <Money cents={98765} late />
        <Money cents={0} late dimZero />
      </>,
    );
    expect(screen.getByText('R$ 987,65').style.color).toContain('clay');
    expect(screen.getByText('R$ 0,00').style.color).not.toContain('clay');
  });
});

describe('ProfileBadge', () => {
  it('gives every profile its short pt-BR label and its own fixed colour', () => {
    renderWithTheme(
      <>
        {PROFILE_KINDS.map((p) => (
          <ProfileBadge key={p} profile={p} />
        ))}
      </>,
    );
    expect(PROFILE_KINDS.map((p) => PROFILE_LABELS[p])).toEqual(['novo', 'em dia', 'ocasional', 'crônico', 'negligente', 'mau pagador']);
    for (const p of PROFILE_KINDS) {
      const badge = screen.getByText(PROFILE_LABELS[p]).closest('.mantine-Badge-root') as HTMLElement;
      expect(badge.getAttribute('style')).toContain(`--mantine-color-${PROFILE_COLORS[p]}`);
    }
    expect(new Set(Object.values(PROFILE_COLORS)).size).toBe(PROFILE_KINDS.length);
  });
});
