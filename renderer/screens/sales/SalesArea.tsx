import { CarnePrint } from '../../print/carne/CarnePrint';
import { SaleDone } from './SaleDone';
import { SaleForm } from './SaleForm';
import { useSales } from './sales-store';

/** The Vendas area: the new-sale form, the success screen, and the carnê's print view over it. */
export function SalesArea() {
  const view = useSales((s) => s.view);
  const closePrint = useSales((s) => s.closePrint);
  if (view.kind === 'form') return <SaleForm />;
  return (
    <>
      <SaleDone sale={view.sale} />
      {view.kind === 'print' && <CarnePrint saleId={view.sale.id} onClose={closePrint} />}
    </>
  );
}
