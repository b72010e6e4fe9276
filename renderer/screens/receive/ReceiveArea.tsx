import { AccountScreen } from '../account/AccountScreen';
import { ReceiptPrint } from '../../print/receipt/ReceiptPrint';
import { useNavigation } from '../../store/navigation';
import { CustomerFind } from './CustomerFind';
import { PayScreen } from './PayScreen';
import { ReceiveDone } from './ReceiveDone';
import { useReceive } from './receive-store';

/** The Receber area (F6): find → pay → done, the customer's extrato, and the receipt over any of them. */
export function ReceiveArea() {
  const { view, printing, closePrint, find } = useReceive();

  const leaveAccount = () => {
    if (view.kind !== 'account') return;
    if (view.back === 'pay') return useReceive.getState().pay(view.customer);
    find();
    if (view.back === 'clientes') useNavigation.getState().go('clientes');
  };

  return (
    <>
      {view.kind === 'find' && <CustomerFind />}
      {view.kind === 'pay' && <PayScreen key={view.customer.id} customer={view.customer} />}
      {view.kind === 'done' && <ReceiveDone customer={view.customer} payment={view.payment} />}
      {view.kind === 'account' && <AccountScreen key={view.customer.id} customer={view.customer} onBack={leaveAccount} />}
      {printing && <ReceiptPrint paymentId={printing.paymentId} format={printing.format} onClose={closePrint} />}
    </>
  );
}
