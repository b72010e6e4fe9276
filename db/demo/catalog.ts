// What a magazine in the interior of São Paulo sells on crediário: furniture, appliances, phones and clothes.
// Prices in reais (they end in ,90 like a price tag); `maxInstallments` follows the store's usual offer.

export interface Product {
  description: string;
  minReais: number;
  maxReais: number;
  maxInstallments: number;
  /** weight in the sales mix */
  weight: number;
}

export const PRODUCTS: readonly Product[] = [
  // móveis
  { description: 'Guarda-roupa casal 6 portas', minReais: 899, maxReais: 1899, maxInstallments: 12, weight: 5 },
  { description: 'Sofá retrátil 3 lugares', minReais: 1299, maxReais: 2999, maxInstallments: 12, weight: 5 },
  { description: 'Cama box casal com colchão', minReais: 999, maxReais: 2299, maxInstallments: 12, weight: 5 },
  { description: 'Rack para TV até 55"', minReais: 299, maxReais: 699, maxInstallments: 6, weight: 4 },
  { description: 'Mesa de jantar com 4 cadeiras', minReais: 599, maxReais: 1499, maxInstallments: 10, weight: 3 },
  { description: 'Cômoda 5 gavetas', minReais: 349, maxReais: 799, maxInstallments: 8, weight: 3 },
  { description: 'Armário de cozinha de aço', minReais: 499, maxReais: 1199, maxInstallments: 10, weight: 3 },
  { description: 'Colchão de solteiro', minReais: 299, maxReais: 699, maxInstallments: 6, weight: 3 },
  { description: 'Beliche de madeira', minReais: 599, maxReais: 1099, maxInstallments: 10, weight: 1 },
  // eletrodomésticos
  { description: 'Geladeira frost free 375 L', minReais: 2499, maxReais: 3999, maxInstallments: 12, weight: 5 },
  { description: 'Fogão 4 bocas', minReais: 699, maxReais: 1399, maxInstallments: 10, weight: 5 },
  { description: 'Máquina de lavar 12 kg', minReais: 1599, maxReais: 2599, maxInstallments: 12, weight: 5 },
  { description: 'Tanquinho 10 kg', minReais: 449, maxReais: 699, maxInstallments: 6, weight: 2 },
  { description: 'Micro-ondas 20 L', minReais: 499, maxReais: 799, maxInstallments: 6, weight: 4 },
  { description: 'Ventilador de coluna 40 cm', minReais: 149, maxReais: 299, maxInstallments: 3, weight: 4 },
  { description: 'Liquidificador 3 L', minReais: 99, maxReais: 249, maxInstallments: 3, weight: 3 },
  { description: 'Ar-condicionado split 9.000 BTUs', minReais: 1799, maxReais: 2699, maxInstallments: 12, weight: 3 },
  { description: 'Fritadeira elétrica (air fryer) 4 L', minReais: 299, maxReais: 599, maxInstallments: 5, weight: 4 },
  { description: 'Freezer horizontal 300 L', minReais: 2199, maxReais: 3299, maxInstallments: 12, weight: 1 },
  // eletrônicos e celulares
  { description: 'Smart TV 43"', minReais: 1799, maxReais: 2499, maxInstallments: 12, weight: 5 },
  { description: 'Smart TV 55" 4K', minReais: 2699, maxReais: 3999, maxInstallments: 12, weight: 2 },
  { description: 'Celular Samsung Galaxy A', minReais: 999, maxReais: 1899, maxInstallments: 10, weight: 5 },
  { description: 'Celular Motorola Moto G', minReais: 899, maxReais: 1599, maxInstallments: 10, weight: 5 },
  { description: 'Notebook 15"', minReais: 2499, maxReais: 3999, maxInstallments: 12, weight: 2 },
  { description: 'Caixa de som Bluetooth', minReais: 199, maxReais: 499, maxInstallments: 4, weight: 3 },
  { description: 'Bicicleta aro 29', minReais: 899, maxReais: 1699, maxInstallments: 10, weight: 2 },
  // roupas, calçados e cama/mesa/banho
  { description: 'Roupas e calçados', minReais: 119, maxReais: 599, maxInstallments: 5, weight: 8 },
  { description: 'Tênis esportivo', minReais: 199, maxReais: 499, maxInstallments: 4, weight: 3 },
  { description: 'Uniforme e material escolar', minReais: 149, maxReais: 399, maxInstallments: 4, weight: 2 },
  { description: 'Enxoval de cama, mesa e banho', minReais: 199, maxReais: 799, maxInstallments: 6, weight: 3 },
];

/** Interest-bearing plans offered for long carnês (Tabela Price), in % a.m. */
export const MONTHLY_RATES = [1.99, 2.49, 2.99, 3.49, 3.99] as const;
