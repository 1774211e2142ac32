import { openSync, writeSync, closeSync } from 'node:fs';

/**
 * Writes a till export as Dutch shops write it (semicolons, quotes here and there, one bad address
 * in 500) to a file, block by block, so the generator itself does not weigh on anyone's memory.
 */
export function writeTillExport(path: string, rows: number): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  const write = (text: string) => {
    bytes += writeSync(fd, text, null, 'utf8');
  };
  try {
    write('E-mailadres;Naam;Voornaam;Klantnummer;Waardebon bedrag;Plaats;Opmerking\r\n');
    let block = '';
    for (let i = 0; i < rows; i += 1) {
      const email = i % 500 === 0 ? 'geen-adres' : `klant.${i}@voorbeeld${i % 37}.nl`;
      block += `${email};"Jansen, Klant ${i}";Klant;${100000 + i};${(i % 50) + 0.5};Utrecht;"Vaste klant sinds ${2000 + (i % 25)}"\r\n`;
      if (i % 5000 === 4999) {
        write(block);
        block = '';
      }
    }
    write(block);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
