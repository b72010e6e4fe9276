import type { CallContext } from '../call/call-types';
import { useCall } from '../call/call-store';
import type { QueueItem } from '../today/today-types';
import { useReceive, type CounterCustomer } from '../receive/receive-store';
import { startSaleFor } from '../sales/sales-store';
import { useNavigation } from '../../store/navigation';

// What the customer's page opens elsewhere: Receber, the extrato, a sale, the guided call. Each area keeps
// its own store; these set it up for this customer and switch to the area.

export function counterCustomerOf(ctx: CallContext): CounterCustomer {
  return { id: ctx.customer.id, name: ctx.customer.name, cpf: ctx.customer.cpf, profile: ctx.profile.kind, profileReasons: ctx.profile.reasons };
}

/** The guided call takes the day's list items; a one-customer "list" made from the file. */
export function queueItemOf(ctx: CallContext): QueueItem {
  return {
    customerId: ctx.customer.id,
    name: ctx.customer.name,
    score: 0,
    overdueCents: ctx.facts.overdueCents,
    daysLate: ctx.facts.daysLate,
    profile: ctx.profile.kind,
    profileReasons: ctx.profile.reasons,
    reasons: [],
    phone: ctx.phoneToUse,
    bestHour: null,
    keyCustomer: ctx.customer.keyCustomer,
  };
}

export function receiveFrom(ctx: CallContext): void {
  useReceive.getState().pay(counterCustomerOf(ctx));
  useNavigation.getState().go('receber');
}

/** The extrato lives in Receber; its Esc comes back here (the Clientes page is kept as it was). */
export function accountFrom(ctx: CallContext): void {
  useReceive.getState().account(counterCustomerOf(ctx), 'clientes');
  useNavigation.getState().go('receber');
}

export function sellFrom(ctx: CallContext): void {
  startSaleFor({ id: ctx.customer.id, name: ctx.customer.name, cpf: ctx.customer.cpf });
  useNavigation.getState().go('vendas');
}

/** "Ligar agora": the guided call for this one customer, in Hoje (its summary ends the one-call session). */
export function callFrom(ctx: CallContext): void {
  useCall.getState().start([queueItemOf(ctx)]);
  useNavigation.getState().go('hoje');
}
