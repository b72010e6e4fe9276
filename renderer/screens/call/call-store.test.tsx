import { beforeEach, describe, expect, it } from 'vitest';
import { useCall } from './call-store';
import type { QueueItem } from '../today/today-types';

const item = (id: string) => ({ customerId: id, name: id, overdueCents: 1000 }) as unknown as QueueItem;

describe('the calling session store', () => {
  beforeEach(() => useCall.setState({ mode: 'list', items: [], index: 0, recorded: {} }));

  it('walks the list one customer at a time and ends on the summary', () => {
    useCall.getState().start([item('a'), item('b')]);
    expect(useCall.getState()).toMatchObject({ mode: 'call', index: 0 });
    useCall.getState().next();
    expect(useCall.getState().index).toBe(1);
    useCall.getState().next();
    expect(useCall.getState().mode).toBe('summary');
  });

  it('keeps the tally: calls, conversations, promises and their amount, agreements, discounts', () => {
    useCall.getState().start([item('a'), item('b'), item('c')]);
    useCall.getState().record('a', 'Não atendeu', { calls: 1 });
    useCall.getState().record('b', 'Prometeu', { calls: 1, conversations: 1, promises: 1, promisedCents: 5000 });
    useCall.getState().record('c', 'Fez acordo', { calls: 1, conversations: 1, agreements: 1, discountCents: 300 });
    expect(useCall.getState().tally).toEqual({ calls: 3, conversations: 2, promises: 1, promisedCents: 5000, agreements: 1, discountCents: 300 });
    expect(useCall.getState().recorded).toEqual({ a: 'Não atendeu', b: 'Prometeu', c: 'Fez acordo' });
    // A new session starts from zero.
    useCall.getState().start([item('d')]);
    expect(useCall.getState().tally.calls).toBe(0);
  });

  it('does not start on an empty list', () => {
    useCall.getState().start([]);
    expect(useCall.getState().mode).toBe('list');
  });
});
