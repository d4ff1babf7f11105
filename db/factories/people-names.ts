/** Given and family names common in each country of the demo data, so that people look like people. */
export const peopleNames: Record<string, { given: { female: string[]; male: string[] }; family: string[] }> = {
  NO: {
    given: { female: ['Ingrid', 'Sigrid', 'Solveig', 'Marte', 'Ingeborg', 'Kari'], male: ['Magnus', 'Eirik', 'Håkon', 'Ola', 'Sindre'] },
    family: ['Hansen', 'Johansen', 'Berg', 'Haugen', 'Nygård', 'Vik', 'Bakke', 'Solheim', 'Lie'],
  },
  NP: {
    given: { female: ['Sita', 'Anjali', 'Pooja', 'Manisha', 'Sabina', 'Sarita'], male: ['Ramesh', 'Bikash', 'Suman', 'Prakash', 'Dipesh'] },
    family: ['Shrestha', 'Gurung', 'Tamang', 'Thapa', 'Adhikari', 'Rai', 'Maharjan', 'Karki'],
  },
  ET: {
    given: { female: ['Tigist', 'Selam', 'Hiwot', 'Meron', 'Mahlet', 'Kidist'], male: ['Abebe', 'Dawit', 'Yonas', 'Bereket', 'Henok'] },
    family: ['Bekele', 'Haile', 'Tesfaye', 'Girma', 'Alemu', 'Mekonnen', 'Tadesse', 'Wolde'],
  },
  MW: {
    given: { female: ['Chikondi', 'Tiwonge', 'Chisomo', 'Madalitso', 'Thandiwe'], male: ['Thokozani', 'Mphatso', 'Kondwani', 'Limbani', 'Yamikani'] },
    family: ['Banda', 'Phiri', 'Mwale', 'Chirwa', 'Kumwenda', 'Nyirenda', 'Gondwe', 'Mbewe'],
  },
  UG: {
    given: { female: ['Aisha', 'Grace', 'Nakato', 'Akello', 'Sarah'], male: ['Brian', 'Joseph', 'Ronald', 'Isaac', 'Denis'] },
    family: ['Okello', 'Namukasa', 'Ssempijja', 'Atim', 'Mugisha', 'Nabirye', 'Opio', 'Kato'],
  },
  TZ: {
    given: { female: ['Neema', 'Rehema', 'Upendo', 'Zawadi', 'Asha'], male: ['Baraka', 'Juma', 'Emmanuel', 'Hamisi', 'Godfrey'] },
    family: ['Mushi', 'Mollel', 'Massawe', 'Kimaro', 'Mwakyusa', 'Swai', 'Lyimo'],
  },
  BO: {
    given: { female: ['María', 'Ximena', 'Wara', 'Paola', 'Valeria'], male: ['José', 'Luis', 'Rodrigo', 'Mateo', 'Álvaro'] },
    family: ['Mamani', 'Quispe', 'Choque', 'Flores', 'Condori', 'Vargas', 'Rojas'],
  },
  GT: {
    given: { female: ['Ana', 'Rosa', 'Lucía', 'Sofía', 'Marisol'], male: ['Carlos', 'Miguel', 'Juan', 'Esteban', 'Diego'] },
    family: ['López', 'Xoc', 'Pérez', 'Ixcot', 'García', 'Tzul', 'Coj'],
  },
  BD: {
    given: { female: ['Farhana', 'Nusrat', 'Sumaiya', 'Shirin', 'Tahmina'], male: ['Rahim', 'Tanvir', 'Arif', 'Kamal', 'Sakib'] },
    family: ['Rahman', 'Hossain', 'Akter', 'Islam', 'Chowdhury', 'Begum'],
  },
  ID: {
    given: { female: ['Putri', 'Siti', 'Dewi', 'Ayu', 'Rina'], male: ['Budi', 'Agus', 'Rizky', 'Fajar', 'Hendra'] },
    family: ['Santoso', 'Wijaya', 'Pratama', 'Lestari', 'Hidayat', 'Saputra'],
  },
};
