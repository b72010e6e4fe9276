// Names and places for invented customers of a store in São José do Rio Preto (SP, DDD 17). Lists are
// weighted by repetition: common names appear more than once, as they do in a real customer base.

export const FEMALE_FIRST = [
  'Maria', 'Maria', 'Maria', 'Ana', 'Ana', 'Francisca', 'Antônia', 'Adriana', 'Juliana', 'Márcia', 'Fernanda', 'Patrícia',
  'Aline', 'Sandra', 'Camila', 'Amanda', 'Bruna', 'Jéssica', 'Letícia', 'Júlia', 'Luciana', 'Vanessa', 'Mariana',
  'Gabriela', 'Vera', 'Vitória', 'Larissa', 'Cláudia', 'Beatriz', 'Rita', 'Luana', 'Sônia', 'Renata', 'Eliane', 'Josefa',
  'Simone', 'Natália', 'Cristiane', 'Carla', 'Débora', 'Rosângela', 'Jaqueline', 'Rosa', 'Daniela', 'Aparecida',
  'Conceição', 'Raimunda', 'Lúcia', 'Tânia', 'Regina', 'Michele', 'Elaine', 'Fátima', 'Isabela', 'Lívia', 'Heloísa',
  'Lorena', 'Cecília', 'Valéria', 'Kátia', 'Edna', 'Neusa', 'Ivone', 'Benedita', 'Solange', 'Marlene', 'Irene',
  'Graça', 'Glória', 'Joana', 'Priscila', 'Thaís', 'Nathália', 'Yasmin', 'Sabrina', 'Rafaela', 'Giovana', 'Alícia',
];
export const MALE_FIRST = [
  'José', 'José', 'João', 'João', 'Antônio', 'Francisco', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luiz', 'Marcos', 'Luís',
  'Gabriel', 'Rafael', 'Daniel', 'Marcelo', 'Bruno', 'Eduardo', 'Felipe', 'Raimundo', 'Rodrigo', 'Manoel', 'Mateus',
  'André', 'Fernando', 'Fábio', 'Leonardo', 'Gustavo', 'Guilherme', 'Leandro', 'Tiago', 'Anderson', 'Ricardo', 'Márcio',
  'Jorge', 'Sebastião', 'Alexandre', 'Roberto', 'Edson', 'Diego', 'Vítor', 'Sérgio', 'Cláudio', 'Matheus', 'Geraldo',
  'Adriano', 'Luciano', 'Júlio', 'Renato', 'Alex', 'Vinícius', 'Rogério', 'Samuel', 'Ronaldo', 'Mário', 'Flávio',
  'Douglas', 'Igor', 'Davi', 'Otávio', 'Benedito', 'Joaquim', 'Caio', 'Heitor', 'Cícero', 'Reinaldo', 'Valdir',
  'Wellington', 'Willian', 'Emerson', 'Osvaldo', 'Nélson', 'Arthur', 'Enzo', 'Murilo', 'Natanael', 'Moisés',
];
export const FEMALE_COMPOUND = [
  'Maria José', 'Maria Aparecida', 'Ana Paula', 'Ana Clara', 'Maria Eduarda', 'Maria de Lourdes', 'Maria das Graças',
  'Maria da Conceição', 'Ana Luíza', 'Maria Helena', 'Maria Cristina', 'Ana Beatriz', 'Maria Fernanda', 'Maria Luíza',
];
export const MALE_COMPOUND = [
  'João Pedro', 'José Carlos', 'João Batista', 'Luiz Carlos', 'Carlos Eduardo', 'Paulo Henrique', 'Luiz Fernando',
  'José Roberto', 'Antônio Carlos', 'João Vítor', 'José Antônio', 'Pedro Henrique', 'Luiz Antônio', 'José Aparecido',
];

export const SURNAMES = [
  'Silva', 'Silva', 'Silva', 'Santos', 'Santos', 'Oliveira', 'Oliveira', 'Souza', 'Souza', 'Rodrigues', 'Ferreira',
  'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares',
  'Fernandes', 'Vieira', 'Barbosa', 'Rocha', 'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado',
  'Mendes', 'Freitas', 'Cardoso', 'Ramos', 'Gonçalves', 'Santana', 'Teixeira', 'Araújo', 'Araújo', 'Melo', 'Conceição',
  'Batista', 'Correia', 'Pinto', 'Moraes', 'Cavalcanti', 'Monteiro', 'Brandão', 'Simões', 'Assunção', 'Magalhães',
  'Falcão', 'Guimarães', 'Nogueira', 'Peixoto', 'Queiroz', 'Bezerra', 'Sampaio', 'Prado', 'Camargo', 'Toledo', 'Bueno',
  'Siqueira', 'Pires', 'Fonseca', 'Rezende', 'Macedo', 'Brito', 'Xavier', 'Leite', 'Borges', 'Miranda', 'Castro',
  'Farias', 'Aragão', 'Galvão', 'Antunes', 'Paixão', 'Romão', 'Jesus', 'Reis', 'Cruz', 'Amaral', 'Tavares', 'Coelho',
  'Lacerda', 'Furtado', 'Pacheco', 'Bastos', 'Vasconcelos', 'Sá', 'Mourão', 'Lobo', 'Frazão', 'Estêvão',
];
/** The particle a surname usually takes in a full name ("da Silva", "dos Santos", "de Souza"). */
export const PARTICLE: Record<string, string> = {
  Silva: 'da', Costa: 'da', Conceição: 'da', Cruz: 'da', Rocha: 'da', Paixão: 'da', Assunção: 'da',
  Santos: 'dos', Reis: 'dos', Anjos: 'dos',
  Souza: 'de', Oliveira: 'de', Jesus: 'de', Almeida: 'de', Moraes: 'de', Andrade: 'de', Freitas: 'de', Lima: 'de',
  Camargo: 'de', Toledo: 'de', Sá: 'de', Castro: 'de', Melo: 'de', Araújo: 'de', Macedo: 'de', Brito: 'de',
};

export const STORE_CITY = 'São José do Rio Preto';
export const STORE_DDD = '17';
/** Customers from elsewhere keep their home DDD: the capital, the interior and migrants from other states. */
export const OTHER_DDDS = ['11', '11', '16', '18', '14', '19', '12', '31', '34', '67', '44', '62', '71', '81', '85', '98'];

export const STREETS = [
  'Rua Bernardino de Campos', 'Rua Voluntários de São Paulo', 'Avenida Bady Bassitt', 'Rua Siqueira Campos',
  'Rua General Glicério', 'Rua Marechal Deodoro', 'Rua XV de Novembro', 'Avenida Alberto Andaló', 'Rua Tiradentes',
  'Rua Prudente de Moraes', 'Rua Coronel Spínola de Castro', 'Rua Pedro Amaral', 'Rua Independência',
  'Rua Saldanha Marinho', 'Avenida Murchid Homsi', 'Rua Antônio de Godoy', 'Rua Floriano Peixoto', 'Rua Rubião Júnior',
  'Rua das Acácias', 'Rua dos Ipês', 'Rua São João', 'Rua Santa Catarina', 'Rua Bahia', 'Rua Pernambuco',
  'Avenida Brasil', 'Rua Rio Grande do Sul', 'Rua Jorge Tibiriçá', 'Rua Luiz Vaz de Camões', 'Rua Ondina',
  'Avenida Potirendaba', 'Rua Adib Buchala', 'Rua Cila', 'Rua Paraíba', 'Avenida Mirassolândia', 'Rua dos Expedicionários',
];
export const NEIGHBOURHOODS = [
  'Centro', 'Vila Redentora', 'Boa Vista', 'Jardim Seixas', 'Vila Ercília', 'Eldorado', 'Jardim Urano', 'Vila Maceno',
  'Parque Industrial', 'Solo Sagrado', 'Jardim Santo Antônio', 'São Deocleciano', 'Vila Toninho', 'Jardim Vivendas',
  'Santo Antônio', 'Jardim Alto Rio Preto', 'Cidade Nova', 'Parque Estoril', 'Jardim Americano', 'Vila Elvira',
  'Jardim Simões', 'Higienópolis', 'Jardim Canaã', 'Residencial Gabriela', 'Jardim Nazareth', 'Vila Anchieta',
];
/** Most customers live in town; some come from the towns around it. */
export const CITIES: readonly (readonly [string, number])[] = [
  [STORE_CITY, 80], ['Mirassol', 6], ['Bady Bassitt', 4], ['Cedral', 3], ['Guapiaçu', 3], ['Ipiguá', 2], ['Potirendaba', 2],
];

export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 60], ['hotmail.com', 18], ['outlook.com', 8], ['yahoo.com.br', 6], ['uol.com.br', 4], ['bol.com.br', 4],
];
