import { useCustomers } from '../../store/customers';
import { CustomerForm } from './CustomerForm';
import { CustomerList } from './CustomerList';

/** The Clientes area: the searchable list, or the form of a new or existing customer. */
export function CustomersArea() {
  const view = useCustomers((s) => s.view);
  const showList = useCustomers((s) => s.showList);
  if (view.kind === 'new') return <CustomerForm key="new" onDone={showList} onCancel={showList} />;
  if (view.kind === 'edit') return <CustomerForm key={view.id} customerId={view.id} onDone={showList} onCancel={showList} />;
  return <CustomerList />;
}
