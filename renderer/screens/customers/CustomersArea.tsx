import { useCustomers } from '../../store/customers';
import { CustomerForm } from './CustomerForm';
import { CustomerList } from './CustomerList';
import { CustomerPage } from './CustomerPage';

/**
 * The Clientes area: the searchable list; a customer's page (their file and what to do next); the form of a
 * new customer, or of an existing one opened from their page (saving or Esc returns to the page).
 */
export function CustomersArea() {
  const view = useCustomers((s) => s.view);
  const { showList, showFile, showEdit } = useCustomers.getState();
  if (view.kind === 'new') return <CustomerForm key="new" onDone={showList} onCancel={showList} />;
  if (view.kind === 'edit') return <CustomerForm key={view.id} customerId={view.id} onDone={() => showFile(view.id)} onCancel={() => showFile(view.id)} />;
  if (view.kind === 'file') return <CustomerPage key={view.id} customerId={view.id} onEdit={() => showEdit(view.id)} onBack={showList} />;
  return <CustomerList />;
}
