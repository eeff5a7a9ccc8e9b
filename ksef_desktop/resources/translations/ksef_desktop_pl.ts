<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>{text!r} is not pl or en</source>
        <extracomment>A connection test waits for KSeF too; the status-bar probe only for the WS itself.</extracomment>
        <translation>{text!r} to ani pl, ani en</translation>
    </message>
    <message>
        <source>The desktop client.</source>
        <translation>Klient stacjonarny.</translation>
    </message>
    <message>
        <source>start a local KSeF simulator and web service with a demo company</source>
        <translation>uruchom lokalny symulator KSeF i usługę sieciową z firmą demonstracyjną</translation>
    </message>
    <message>
        <source>with --demo: start the demo afresh</source>
        <translation>z --demo: uruchom demonstrację od nowa</translation>
    </message>
    <message>
        <source>render each window to a PNG file in DIR and exit</source>
        <translation>zapisz każde okno jako plik PNG w katalogu DIR i zakończ</translation>
    </message>
    <message>
        <source>the interface language for this run (default: the saved choice, else the system&apos;s)</source>
        <translation>język interfejsu na to uruchomienie (domyślnie: zapisany wybór, a w jego braku język systemu)</translation>
    </message>
    <message>
        <source>--reset only applies to --demo</source>
        <translation>--reset działa tylko razem z --demo</translation>
    </message>
    <message>
        <source> — DEMO (local simulator)</source>
        <translation> — DEMO (lokalny symulator)</translation>
    </message>
    <message>
        <source>exit codes:
  0  every file is a valid FA(3) invoice (warnings may have been printed)
  1  at least one file has errors
  2  usage error, or a file could not be read</source>
        <translation>kody wyjścia:
  0  każdy plik jest poprawną fakturą FA(3) (mogły zostać wypisane ostrzeżenia)
  1  co najmniej jeden plik zawiera błędy
  2  błąd wywołania lub nie udało się odczytać pliku</translation>
    </message>
    <message>
        <source>{text!r} is not a date in the form YYYY-MM-DD</source>
        <translation>{text!r} nie jest datą w postaci RRRR-MM-DD</translation>
    </message>
    <message>
        <source>Desktop client for Poland&apos;s KSeF e-invoicing system (FA(3) invoices).</source>
        <translation>Klient stacjonarny Krajowego Systemu e-Faktur (faktury FA(3)).</translation>
    </message>
    <message>
        <source>the desktop window (no COMMAND)</source>
        <translation>okno programu (bez POLECENIA)</translation>
    </message>
    <message>
        <source>run against a local demo KSeF</source>
        <translation>pracuj z lokalnym, demonstracyjnym KSeF</translation>
    </message>
    <message>
        <source>with --demo: start it afresh</source>
        <translation>z --demo: zacznij od nowa</translation>
    </message>
    <message>
        <source>save each window as PNG and exit</source>
        <translation>zapisz każde okno jako PNG i zakończ</translation>
    </message>
    <message>
        <source>the interface language for this run (default: the saved setting or the system&apos;s)</source>
        <translation>język interfejsu w tym uruchomieniu (domyślnie: zapisane ustawienie lub język systemu)</translation>
    </message>
    <message>
        <source>check FA(3) XML files against the schema and KSeF&apos;s rules</source>
        <translation>sprawdź pliki XML FA(3) ze schematem i regułami KSeF</translation>
    </message>
    <message>
        <source>Check FA(3) invoice files: the official XSD, KSeF&apos;s file rules (UTF-8 without
BOM, size, no processing instructions) and the arithmetic and identifiers the
XSD cannot check. Prints &apos;FILE: OK&apos;, or one line per problem:
  FILE:LINE: SEVERITY CODE PATH: message</source>
        <translation>Sprawdza pliki faktur FA(3): oficjalny XSD, reguły KSeF dla plików (UTF-8 bez
BOM, rozmiar, brak instrukcji przetwarzania) oraz rachunki i identyfikatory,
których XSD nie sprawdza. Wypisuje &apos;PLIK: OK&apos; albo jeden wiersz na problem:
  PLIK:WIERSZ: WAGA KOD ŚCIEŻKA: komunikat</translation>
    </message>
    <message>
        <source>FA(3) XML file</source>
        <translation>plik XML FA(3)</translation>
    </message>
    <message>
        <source>the date issue dates are compared with (default: today in Poland)</source>
        <translation>data, z którą porównywane są daty wystawienia (domyślnie: dzisiejsza data w Polsce)</translation>
    </message>
    <message>
        <source>open an FA(3) XML file in the structure viewer</source>
        <translation>otwórz plik XML FA(3) w przeglądarce struktury</translation>
    </message>
    <message>
        <source>Open an FA(3) XML file in the structure viewer: the element tree with the Polish
labels of the schema, the raw XML, validation problems and search. Only the
viewer opens; nothing is sent anywhere.</source>
        <translation>Otwiera plik XML FA(3) w przeglądarce struktury: drzewo elementów z polskimi
opisami ze schematu, surowy XML, problemy weryfikacji i wyszukiwanie. Otwiera się
tylko przeglądarka; nic nie jest nigdzie wysyłane.</translation>
    </message>
    <message>
        <source>exit codes:
  0  the viewer was closed (with --screenshots: the document was shown)
  1  with --screenshots: the file could not be shown (the window showed why)
  2  usage error, or the file does not exist</source>
        <translation>kody wyjścia:
  0  przeglądarkę zamknięto (z --screenshots: dokument został wyświetlony)
  1  z --screenshots: nie udało się wyświetlić pliku (okno pokazało dlaczego)
  2  błąd wywołania lub plik nie istnieje</translation>
    </message>
    <message>
        <source>save the window as DIR/structure-viewer.png once loaded, then exit</source>
        <translation>po wczytaniu zapisz okno jako DIR/structure-viewer.png i zakończ</translation>
    </message>
    <message>
        <source>{file}: cannot read the file: {reason}</source>
        <translation>{file}: nie można odczytać pliku: {reason}</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: nie ma takiego pliku</translation>
    </message>
    <message>
        <source>An authorization code looks like KSEFWS1.&lt;NIP&gt;.&lt;key&gt;; copy it again from KSEF &gt; PARAMETERS.</source>
        <translation>Kod autoryzacyjny ma postać KSEFWS1.&lt;NIP&gt;.&lt;klucz&gt;; skopiuj go ponownie z KSEF &gt; PARAMETRY.</translation>
    </message>
    <message>
        <source>The key part of the authorization code is damaged; copy the code again.</source>
        <translation>Część kodu autoryzacyjnego z kluczem jest uszkodzona; skopiuj kod ponownie.</translation>
    </message>
    <message>
        <source>Generate an authorization code in KSEF &gt; PARAMETERS.</source>
        <extracomment>(key id, private key) or a callable returning it, read at each request so a regenerated key takes effect without rebuilding the client.</extracomment>
        <translation>Wygeneruj kod autoryzacyjny w KSEF &gt; PARAMETRY.</translation>
    </message>
    <message>
        <source>Give the authorization code from KSEF &gt; PARAMETERS to the web-service operator to register (ksef-ws keys add CODE).</source>
        <translation>Przekaż kod autoryzacyjny z KSEF &gt; PARAMETRY operatorowi usługi sieciowej do zarejestrowania (ksef-ws keys add KOD).</translation>
    </message>
    <message>
        <source>Generate a new authorization code and ask the operator to register it.</source>
        <translation>Wygeneruj nowy kod autoryzacyjny i poproś operatora o jego zarejestrowanie.</translation>
    </message>
    <message>
        <source>Set this computer&apos;s clock right (automatic time), then try again.</source>
        <translation>Ustaw poprawnie zegar tego komputera (czas automatyczny) i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Try again; if it repeats, check for a proxy replaying requests.</source>
        <translation>Spróbuj ponownie; jeśli błąd się powtarza, sprawdź, czy serwer pośredniczący (proxy) nie powtarza żądań.</translation>
    </message>
    <message>
        <source>Check that the WS address is the service&apos;s own address (no rewriting proxy).</source>
        <translation>Sprawdź, czy ADRES WS jest własnym adresem usługi (bez proxy przepisującego żądania).</translation>
    </message>
    <message>
        <source>Ask the operator to add a [company NIP] section for this NIP to ksef.ini.</source>
        <translation>Poproś operatora o dodanie do ksef.ini sekcji [company NIP] dla tego NIP.</translation>
    </message>
    <message>
        <source>The web service at {url} did not answer in time. Check the address and that the service is running.</source>
        <translation>Usługa sieciowa pod adresem {url} nie odpowiedziała na czas. Sprawdź adres i czy usługa działa.</translation>
    </message>
    <message>
        <source>Talking to the web service at {url} failed: {reason}</source>
        <translation>Komunikacja z usługą sieciową pod adresem {url} nie powiodła się: {reason}</translation>
    </message>
    <message>
        <source>The web service speaks API version {theirs}; this program needs version {ours}. Update the program or the service.</source>
        <translation>Usługa sieciowa udostępnia API w wersji {theirs}; ten program wymaga wersji {ours}. Zaktualizuj program lub usługę.</translation>
    </message>
    <message>
        <source>The answer from {url} is not what a ksef-ws web service sends. Check the address.</source>
        <translation>Odpowiedź z {url} nie pochodzi od usługi sieciowej ksef-ws. Sprawdź adres.</translation>
    </message>
    <message>
        <source>The web service&apos;s TLS certificate at {url} is not trusted ({reason}). Ask the operator for a valid certificate; do not turn verification off.</source>
        <translation>Certyfikat TLS usługi sieciowej pod adresem {url} nie jest zaufany ({reason}). Poproś operatora o ważny certyfikat; nie wyłączaj weryfikacji.</translation>
    </message>
    <message>
        <source>No web service answers at {url}. Check the address and port, and that the service is running.</source>
        <translation>Pod adresem {url} nie odpowiada żadna usługa sieciowa. Sprawdź adres i port oraz czy usługa działa.</translation>
    </message>
    <message>
        <source>The web service answered HTTP {status}.</source>
        <translation>Usługa sieciowa odpowiedziała kodem HTTP {status}.</translation>
    </message>
    <message>
        <source>A buyer identified by NIP needs the NIP.</source>
        <translation>Nabywca identyfikowany numerem NIP musi mieć podany NIP.</translation>
    </message>
    <message>
        <source>An EU buyer needs the VAT country prefix and number.</source>
        <translation>Nabywca z UE wymaga prefiksu kraju i numeru VAT UE.</translation>
    </message>
    <message>
        <source>A foreign buyer needs a tax id.</source>
        <translation>Nabywca zagraniczny wymaga numeru identyfikacji podatkowej.</translation>
    </message>
    <message>
        <source>A bank transfer needs the bank account to pay into.</source>
        <translation>Przelew wymaga podania rachunku bankowego do zapłaty.</translation>
    </message>
    <message>
        <source>The document&apos;s {name} total is {theirs} but its lines add up to {ours} (VAT is computed on each rate&apos;s total). Correct the lines or the totals.</source>
        <translation>Suma {name} dokumentu wynosi {theirs}, a pozycje dają {ours} (VAT liczony jest od sumy dla każdej stawki). Popraw pozycje lub sumy.</translation>
    </message>
    <message>
        <source>A foreign-currency document needs the exchange rate to PLN.</source>
        <translation>Dokument w walucie obcej wymaga kursu waluty do PLN.</translation>
    </message>
    <message>
        <source>An exempt (&apos;zw&apos;) line needs the legal basis of the exemption.</source>
        <translation>Pozycja zwolniona (&apos;zw&apos;) wymaga podstawy prawnej zwolnienia.</translation>
    </message>
    <message>
        <source>Line {n} has no {name}; every line sent to the WS needs one.</source>
        <translation>Pozycja {n} nie ma pola {name}; każda pozycja wysyłana do WS musi je mieć.</translation>
    </message>
    <message>
        <source>Line {n} has no VAT rate.</source>
        <translation>Pozycja {n} nie ma stawki VAT.</translation>
    </message>
    <message>
        <source>The seller needs a NIP and an address.</source>
        <translation>Sprzedawca musi mieć NIP i adres.</translation>
    </message>
    <message>
        <source>The request is not signed.</source>
        <translation>Żądanie nie jest podpisane.</translation>
    </message>
    <message>
        <source>The request signature cannot be read.</source>
        <translation>Nie można odczytać podpisu żądania.</translation>
    </message>
    <message>
        <source>The signing key is not registered with this web service.</source>
        <translation>Klucz podpisu nie jest zarejestrowany w tej usłudze sieciowej.</translation>
    </message>
    <message>
        <source>The signing key was revoked by the web-service operator.</source>
        <translation>Klucz podpisu został unieważniony przez operatora usługi sieciowej.</translation>
    </message>
    <message>
        <source>The request signature does not match the request.</source>
        <translation>Podpis nie zgadza się z treścią żądania.</translation>
    </message>
    <message>
        <source>The request body does not match its Content-Digest.</source>
        <translation>Treść żądania nie zgadza się z nagłówkiem Content-Digest.</translation>
    </message>
    <message>
        <source>The request was signed more than 300 seconds away from the server&apos;s clock.</source>
        <translation>Żądanie podpisano z czasem różniącym się o ponad 300 sekund od zegara serwera.</translation>
    </message>
    <message>
        <source>The request&apos;s nonce was used before (a replayed request).</source>
        <translation>Jednorazowy identyfikator (nonce) żądania został już użyty (żądanie powtórzone).</translation>
    </message>
    <message>
        <source>The signature does not cover the components the profile requires.</source>
        <translation>Podpis nie obejmuje elementów wymaganych przez profil.</translation>
    </message>
    <message>
        <source>VAT invoice</source>
        <translation>faktura VAT</translation>
    </message>
    <message>
        <source>correction invoice</source>
        <translation>faktura korygująca</translation>
    </message>
    <message>
        <source>advance invoice</source>
        <translation>faktura zaliczkowa</translation>
    </message>
    <message>
        <source>settlement invoice</source>
        <translation>faktura rozliczeniowa</translation>
    </message>
    <message>
        <source>simplified invoice</source>
        <translation>faktura uproszczona</translation>
    </message>
    <message>
        <source>correction of an advance invoice</source>
        <translation>korekta faktury zaliczkowej</translation>
    </message>
    <message>
        <source>correction of a settlement invoice</source>
        <translation>korekta faktury rozliczeniowej</translation>
    </message>
    <message>
        <source>Give either one sale date or a billing period, not both.</source>
        <translation>Podaj albo datę sprzedaży, albo okres rozliczeniowy, nie oba naraz.</translation>
    </message>
    <message>
        <source>The billing period ends before it starts.</source>
        <translation>Okres rozliczeniowy kończy się przed swoim początkiem.</translation>
    </message>
    <message>
        <source>A correction must say which invoice it corrects and why.</source>
        <translation>Korekta musi wskazywać korygowaną fakturę i przyczynę korekty.</translation>
    </message>
    <message>
        <source>Only a correction document carries correction data.</source>
        <translation>Dane korekty może zawierać tylko dokument korygujący.</translation>
    </message>
    <message>
        <source>A correction must name the invoice it corrects.</source>
        <translation>Korekta musi wskazywać korygowaną fakturę.</translation>
    </message>
    <message>
        <source>An advance invoice is named by its KSeF number or, outside KSeF, its number.</source>
        <translation>Fakturę zaliczkową wskazuje się numerem KSeF, a poza KSeF jej numerem.</translation>
    </message>
    <message>
        <source>The NIP is empty.</source>
        <extracomment>EU VAT prefixes KodUE accepts: the member states, EL for Greece, XI for Northern Ireland.</extracomment>
        <translation>NIP jest pusty.</translation>
    </message>
    <message>
        <source>A NIP has exactly 10 digits; {text!r} does not.</source>
        <translation>NIP ma dokładnie 10 cyfr; {text!r} nie spełnia tego warunku.</translation>
    </message>
    <message>
        <source>The NIP {nip} has a wrong check digit; look for a typing error.</source>
        <translation>NIP {nip} ma błędną cyfrę kontrolną; sprawdź, czy nie ma literówki.</translation>
    </message>
    <message>
        <source>{prefix!r} is not an EU VAT country prefix.</source>
        <translation>{prefix!r} nie jest prefiksem kraju VAT UE.</translation>
    </message>
    <message>
        <source>A Polish buyer is identified by NIP, not by an EU VAT number.</source>
        <translation>Nabywcę z Polski identyfikuje NIP, a nie numer VAT UE.</translation>
    </message>
    <message>
        <source>{number!r} is not a valid EU VAT number (1-12 letters or digits).</source>
        <translation>{number!r} nie jest poprawnym numerem VAT UE (1-12 liter lub cyfr).</translation>
    </message>
    <message>
        <source>The bank account number is empty.</source>
        <translation>Numer rachunku bankowego jest pusty.</translation>
    </message>
    <message>
        <source>A Polish account number (NRB) has 26 digits; this one has {n}.</source>
        <translation>Polski numer rachunku (NRB) ma 26 cyfr; ten ma {n}.</translation>
    </message>
    <message>
        <source>The account number {nrb} has wrong check digits.</source>
        <translation>Numer rachunku {nrb} ma błędne cyfry kontrolne.</translation>
    </message>
    <message>
        <source>{text!r} is neither a 26-digit NRB nor an IBAN.</source>
        <translation>{text!r} nie jest ani 26-cyfrowym NRB, ani numerem IBAN.</translation>
    </message>
    <message>
        <source>The IBAN {iban} has wrong check digits.</source>
        <translation>IBAN {iban} ma błędne cyfry kontrolne.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>wersja robocza</translation>
    </message>
    <message>
        <source>validated</source>
        <translation>zweryfikowany</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>zatwierdzony</translation>
    </message>
    <message>
        <source>sent to KSeF</source>
        <translation>wysłany do KSeF</translation>
    </message>
    <message>
        <source>accepted by KSeF</source>
        <translation>przyjęty przez KSeF</translation>
    </message>
    <message>
        <source>awaiting delivery</source>
        <translation>oczekuje na wysłanie</translation>
    </message>
    <message>
        <source>rejected by KSeF</source>
        <translation>odrzucony przez KSeF</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>zmieniony</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>wysłany</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>przyjęty</translation>
    </message>
    <message>
        <source>put in the awaiting documents</source>
        <translation>przeniesiony do dokumentów oczekujących</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>odrzucony</translation>
    </message>
    <message>
        <source>reopened for editing</source>
        <translation>ponownie otwarty do edycji</translation>
    </message>
    <message>
        <source>printed</source>
        <extracomment>(state, event) -&gt; next state, while the KSeF module is active. With STATUS (ACTIVE) off there is no validation or sending: approve, then print.</extracomment>
        <translation>wydrukowany</translation>
    </message>
    <message>
        <source>Line numbers start at 1.</source>
        <translation>Numery pozycji zaczynają się od 1.</translation>
    </message>
    <message>
        <source>A quantity may have at most 6 decimal places.</source>
        <translation>Ilość może mieć najwyżej 6 miejsc po przecinku.</translation>
    </message>
    <message>
        <source>A unit price may have at most 8 decimal places.</source>
        <translation>Cena jednostkowa może mieć najwyżej 8 miejsc po przecinku.</translation>
    </message>
    <message>
        <source>{value!r} is not a number.</source>
        <translation>{value!r} nie jest liczbą.</translation>
    </message>
    <message>
        <source>The amount must be a finite number.</source>
        <translation>Kwota musi być liczbą skończoną.</translation>
    </message>
    <message>
        <source>{code!r} is not a currency code such as PLN or EUR.</source>
        <translation>{code!r} nie jest kodem waluty, takim jak PLN czy EUR.</translation>
    </message>
    <message>
        <source>The exchange rate must be positive.</source>
        <translation>Kurs waluty musi być dodatni.</translation>
    </message>
    <message>
        <source>The exchange rate may have at most 6 decimal places.</source>
        <translation>Kurs waluty może mieć najwyżej 6 miejsc po przecinku.</translation>
    </message>
    <message>
        <source>A foreign tax id has 1 to 50 characters.</source>
        <translation>Zagraniczny numer podatkowy ma od 1 do 50 znaków.</translation>
    </message>
    <message>
        <source>An internal id is a NIP, a hyphen and five digits (1234567890-00001).</source>
        <translation>Identyfikator wewnętrzny to NIP, łącznik i pięć cyfr (1234567890-00001).</translation>
    </message>
    <message>
        <source>{code!r} is not a two-letter country code.</source>
        <translation>{code!r} nie jest dwuliterowym kodem kraju.</translation>
    </message>
    <message>
        <source>The first address line is empty.</source>
        <translation>Pierwszy wiersz adresu jest pusty.</translation>
    </message>
    <message>
        <source>{email!r} is not an e-mail address.</source>
        <translation>{email!r} nie jest adresem e-mail.</translation>
    </message>
    <message>
        <source>FA(3) allows at most three contact entries per party.</source>
        <translation>FA(3) dopuszcza najwyżej trzy dane kontaktowe dla jednego podmiotu.</translation>
    </message>
    <message>
        <source>A third party has either a role or a description of another role.</source>
        <translation>Podmiot trzeci ma albo rolę, albo opis innej roli.</translation>
    </message>
    <message>
        <source>A share is a percentage from 0 to 100.</source>
        <translation>Udział to procent od 0 do 100.</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>gotówka</translation>
    </message>
    <message>
        <source>card</source>
        <translation>karta</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>bon</translation>
    </message>
    <message>
        <source>cheque</source>
        <translation>czek</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>kredyt</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>przelew</translation>
    </message>
    <message>
        <source>mobile payment</source>
        <translation>płatność mobilna</translation>
    </message>
    <message>
        <source>A described term needs a count, a unit and the event it runs from.</source>
        <translation>Opisany termin wymaga liczby, jednostki i zdarzenia, od którego biegnie.</translation>
    </message>
    <message>
        <source>Choose a payment method or describe another one, not both.</source>
        <translation>Wybierz formę płatności albo opisz inną, nie oba naraz.</translation>
    </message>
    <message>
        <source>A payment is either paid in full or partly paid.</source>
        <translation>Płatność jest albo zapłacona w całości, albo częściowo.</translation>
    </message>
    <message>
        <source>Partial payments need the partial-payment marker and at least one entry.</source>
        <translation>Płatności częściowe wymagają znacznika zapłaty częściowej i co najmniej jednej wpłaty.</translation>
    </message>
    <message>
        <source>A cash discount needs both its conditions and its amount.</source>
        <translation>Skonto wymaga podania warunków i wysokości.</translation>
    </message>
    <message>
        <source>{text!r} is not a VAT rate code of FA(3) ({codes}).</source>
        <extracomment>Buckets in the order their elements appear in the schema.</extracomment>
        <translation>{text!r} nie jest kodem stawki VAT w FA(3) ({codes}).</translation>
    </message>
    <message>
        <source>23%</source>
        <translation>23%</translation>
    </message>
    <message>
        <source>22%</source>
        <translation>22%</translation>
    </message>
    <message>
        <source>8%</source>
        <translation>8%</translation>
    </message>
    <message>
        <source>7%</source>
        <translation>7%</translation>
    </message>
    <message>
        <source>5%</source>
        <translation>5%</translation>
    </message>
    <message>
        <source>4% (taxi flat rate)</source>
        <translation>4% (ryczałt dla taksówek)</translation>
    </message>
    <message>
        <source>3% (taxi flat rate)</source>
        <translation>3% (ryczałt dla taksówek)</translation>
    </message>
    <message>
        <source>0% domestic</source>
        <translation>0% (kraj)</translation>
    </message>
    <message>
        <source>0% intra-EU supply</source>
        <translation>0% (WDT)</translation>
    </message>
    <message>
        <source>0% export</source>
        <translation>0% (eksport)</translation>
    </message>
    <message>
        <source>exempt</source>
        <translation>zwolnione</translation>
    </message>
    <message>
        <source>reverse charge</source>
        <translation>odwrotne obciążenie</translation>
    </message>
    <message>
        <source>not taxable in Poland</source>
        <translation>niepodlegające opodatkowaniu w kraju</translation>
    </message>
    <message>
        <source>not taxable in Poland (art. 100(1)(4))</source>
        <translation>niepodlegające opodatkowaniu w kraju (art. 100 ust. 1 pkt 4)</translation>
    </message>
    <message>
        <source>FA(3) allows at most 100 third parties.</source>
        <translation>FA(3) dopuszcza najwyżej 100 podmiotów trzecich.</translation>
    </message>
    <message>
        <source>The document has no number yet; it gets one when it is approved.</source>
        <translation>Dokument nie ma jeszcze numeru; otrzyma go przy zatwierdzeniu.</translation>
    </message>
    <message>
        <source>FA(3) allows at most 31 partial advances.</source>
        <translation>FA(3) dopuszcza najwyżej 31 zaliczek częściowych.</translation>
    </message>
    <message>
        <source>A settlement states an amount to pay or one to settle, not both.</source>
        <translation>Rozliczenie podaje kwotę do zapłaty albo do rozliczenia, nie obie naraz.</translation>
    </message>
    <message>
        <source>The VAT total of group {b} (P_14_{b}) is missing.</source>
        <extracomment>Each bucket with its P_13_x, P_14_x and P_14_xW element names, in schema order.</extracomment>
        <translation>Brak kwoty podatku dla grupy {b} (P_14_{b}).</translation>
    </message>
    <message>
        <source>Group {b} (P_13_{b}) carries no VAT, yet a VAT total is given.</source>
        <translation>Grupa {b} (P_13_{b}) nie ma podatku VAT, a podano kwotę podatku.</translation>
    </message>
    <message>
        <source>FA(3) has no VAT-in-PLN total for group {b}.</source>
        <translation>FA(3) nie przewiduje kwoty podatku w PLN dla grupy {b}.</translation>
    </message>
    <message>
        <source>A correction names at most 50000 invoices.</source>
        <translation>Korekta wskazuje najwyżej 50000 faktur.</translation>
    </message>
    <message>
        <source>The exchange rate before correction (KursWalutyZK) needs the amount (P_15ZK).</source>
        <translation>Kurs waluty przed korektą (KursWalutyZK) wymaga kwoty (P_15ZK).</translation>
    </message>
    <message>
        <source>An order (Zamowienie) needs at least one line.</source>
        <translation>Zamówienie (Zamowienie) wymaga co najmniej jednej pozycji.</translation>
    </message>
    <message>
        <source>An order line</source>
        <translation>Pozycja zamówienia</translation>
    </message>
    <message>
        <source>Only a third party can be identified by an internal id (IDWew).</source>
        <translation>Tylko podmiot trzeci może być identyfikowany identyfikatorem wewnętrznym (IDWew).</translation>
    </message>
    <message>
        <source>The {role} has data FA(3) only records for another party (PL prefix, taxpayer status, JST or VAT-group marker).</source>
        <translation>{role}: podano dane, które FA(3) zapisuje tylko dla innego podmiotu (prefiks PL, status podatnika, znacznik JST lub grupy VAT).</translation>
    </message>
    <message>
        <source>The seller must be identified by a NIP.</source>
        <translation>Sprzedawca musi być identyfikowany numerem NIP.</translation>
    </message>
    <message>
        <source>The seller&apos;s name is required.</source>
        <translation>Nazwa sprzedawcy jest wymagana.</translation>
    </message>
    <message>
        <source>The seller&apos;s address is required.</source>
        <translation>Adres sprzedawcy jest wymagany.</translation>
    </message>
    <message>
        <source>FA(3) records no customer number, buyer id, JST or VAT-group marker for the seller.</source>
        <translation>FA(3) nie zapisuje dla sprzedawcy numeru klienta, identyfikatora nabywcy ani znacznika JST lub grupy VAT.</translation>
    </message>
    <message>
        <source>buyer</source>
        <translation>nabywca</translation>
    </message>
    <message>
        <source>third party</source>
        <translation>podmiot trzeci</translation>
    </message>
    <message>
        <source>A partial payment has one method or another, not both.</source>
        <translation>Płatność częściowa ma jedną formę albo inną, nie obie naraz.</translation>
    </message>
    <message>
        <source>A contract exchange rate needs its currency, and back.</source>
        <translation>Kurs umowny wymaga waluty, a waluta kursu.</translation>
    </message>
    <message>
        <source>An attachment needs at least one data block.</source>
        <translation>Załącznik wymaga co najmniej jednego bloku danych.</translation>
    </message>
    <message>
        <source>Each attachment data block needs metadata.</source>
        <translation>Każdy blok danych załącznika wymaga metadanych.</translation>
    </message>
    <message>
        <source>An attachment table needs columns.</source>
        <translation>Tabela załącznika wymaga kolumn.</translation>
    </message>
    <message>
        <source>An attachment table needs at least one row.</source>
        <translation>Tabela załącznika wymaga co najmniej jednego wiersza.</translation>
    </message>
    <message>
        <source>{path} is not an element of the FA(3) schema ({step} is unknown).</source>
        <extracomment>Polish legal abbreviations that end in a full stop without ending the sentence.</extracomment>
        <translation>{path} nie jest elementem schematu FA(3) (nieznany element {step}).</translation>
    </message>
    <message>
        <source>The file starts with a byte order mark (BOM), which KSeF rejects. Save it as UTF-8 without BOM.</source>
        <extracomment>KSeF&apos;s size limits: without attachments, and with a Zalacznik section. U+0085 (NEL) is allowed; the C1 controls around it are discouraged by KSeF. Matched on the UTF-8 bytes (U+0080..U+009F are C2 80..C2 9F), so no decoding. What follows &quot;&lt;?xml&quot; in a declaration (and not in a PI such as &lt;?xml-stylesheet?&gt;).</extracomment>
        <translation>Plik zaczyna się znacznikiem kolejności bajtów (BOM), który KSeF odrzuca. Zapisz go jako UTF-8 bez BOM.</translation>
    </message>
    <message>
        <source>The file is encoded as UTF-16; KSeF accepts only UTF-8. Save it as UTF-8.</source>
        <translation>Plik jest zakodowany w UTF-16; KSeF przyjmuje tylko UTF-8. Zapisz go jako UTF-8.</translation>
    </message>
    <message>
        <source>The XML declaration names the encoding {encoding}; KSeF accepts only UTF-8. Save the file as UTF-8 and declare encoding=&quot;UTF-8&quot;.</source>
        <translation>Deklaracja XML podaje kodowanie {encoding}; KSeF przyjmuje tylko UTF-8. Zapisz plik jako UTF-8 i zadeklaruj encoding=&quot;UTF-8&quot;.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 (byte {offset} on line {line}). Save it as UTF-8 without BOM.</source>
        <translation>Plik nie jest poprawnym UTF-8 (bajt {offset} w wierszu {line}). Zapisz go jako UTF-8 bez BOM.</translation>
    </message>
    <message>
        <source>The document is {size:,} bytes; KSeF accepts at most {limit:,} bytes{suffix}. Split the invoice or shorten its content.</source>
        <translation>Dokument ma {size:,} bajtów; KSeF przyjmuje najwyżej {limit:,} bajtów{suffix}. Podziel fakturę lub skróć jej treść.</translation>
    </message>
    <message>
        <source> for an invoice with attachments</source>
        <translation> dla faktury z załącznikami</translation>
    </message>
    <message>
        <source>The document contains the processing instruction &lt;?{target} …?&gt;, which KSeF rejects. Remove it.</source>
        <translation>Dokument zawiera instrukcję przetwarzania &lt;?{target} …?&gt;, którą KSeF odrzuca. Usuń ją.</translation>
    </message>
    <message>
        <source>The text contains the control character U+{code:04X}, which KSeF does not accept. Delete it (it is often pasted in invisibly from other programs).</source>
        <translation>Tekst zawiera znak sterujący U+{code:04X}, którego KSeF nie przyjmuje. Usuń go (często wkleja się niewidocznie z innych programów).</translation>
    </message>
    <message>
        <source>This is not an FA(3) invoice: the root element is {name}, not Faktura.</source>
        <translation>To nie jest faktura FA(3): elementem głównym jest {name}, a nie Faktura.</translation>
    </message>
    <message>
        <source>This is an FA(2) invoice; KSeF 2.0 and ksef-desktop take FA(3) only.</source>
        <translation>To jest faktura FA(2); KSeF 2.0 i ksef-desktop przyjmują tylko FA(3).</translation>
    </message>
    <message>
        <source>The invoice&apos;s namespace is {found!r}; FA(3) uses {expected!r}.</source>
        <translation>Przestrzeń nazw faktury to {found!r}; FA(3) używa {expected!r}.</translation>
    </message>
    <message>
        <source>{path}/@kodSystemowy is {found!r}; an FA(3) invoice has {expected!r}.</source>
        <translation>{path}/@kodSystemowy ma wartość {found!r}; faktura FA(3) ma {expected!r}.</translation>
    </message>
    <message>
        <source>{path}/@wersjaSchemy is {found!r}; ksef-desktop reads schema {expected}.</source>
        <translation>{path}/@wersjaSchemy ma wartość {found!r}; ksef-desktop odczytuje schemat {expected}.</translation>
    </message>
    <message>
        <source>{path}/{tag} is {found!r}; FA(3) has {expected!r}.</source>
        <translation>{path}/{tag} ma wartość {found!r}; w FA(3) jest {expected!r}.</translation>
    </message>
    <message>
        <source>{text!r} is not an FA(3) invoice kind.</source>
        <translation>{text!r} nie jest rodzajem faktury FA(3).</translation>
    </message>
    <message>
        <source>{path}/FaWiersz mixes net (P_9A) and gross (P_9B) unit prices.</source>
        <translation>{path}/FaWiersz łączy ceny jednostkowe netto (P_9A) i brutto (P_9B).</translation>
    </message>
    <message>
        <source>{path}: P_14_{b} is given without P_13_{b}.</source>
        <translation>{path}: podano P_14_{b} bez P_13_{b}.</translation>
    </message>
    <message>
        <source>{path} must state exactly one of {what}.</source>
        <translation>{path} musi zawierać dokładnie jedno z: {what}.</translation>
    </message>
    <message>
        <source>{path}/{tag} (party data before the correction) is not supported.</source>
        <translation>{path}/{tag} (dane podmiotu przed korektą) nie są obsługiwane.</translation>
    </message>
    <message>
        <source>{path} must hold exactly one identifier (NIP, EU VAT, foreign id or BrakID).</source>
        <translation>{path} musi zawierać dokładnie jeden identyfikator (NIP, VAT UE, identyfikator zagraniczny lub BrakID).</translation>
    </message>
    <message>
        <source>{path}/PrefiksPodatnika of the seller can only be PL.</source>
        <translation>{path}/PrefiksPodatnika sprzedawcy może mieć tylko wartość PL.</translation>
    </message>
    <message>
        <source>{path}/@Typ {typ!r} is not a column type of FA(3).</source>
        <translation>{path}/@Typ {typ!r} nie jest typem kolumny FA(3).</translation>
    </message>
    <message>
        <source>{path} is not supported: ksef-desktop cannot represent it, and it refuses to drop it silently.</source>
        <translation>{path} nie jest obsługiwany: ksef-desktop nie potrafi go odwzorować i nie pominie go po cichu.</translation>
    </message>
    <message>
        <source>{path}/{tag} appears {n} times; FA(3) allows it once.</source>
        <translation>{path}/{tag} występuje {n} razy; FA(3) dopuszcza jedno wystąpienie.</translation>
    </message>
    <message>
        <source>{path}/{tag} is missing; FA(3) requires it.</source>
        <translation>Brak {path}/{tag}; FA(3) go wymaga.</translation>
    </message>
    <message>
        <source>{path} should hold text, not elements.</source>
        <translation>{path} powinien zawierać tekst, a nie elementy.</translation>
    </message>
    <message>
        <source>{path} states both a net and a gross unit price.</source>
        <translation>{path} podaje jednocześnie cenę jednostkową netto i brutto.</translation>
    </message>
    <message>
        <source>The line value {element} is {stated}, but quantity × unit price{less} gives {expected}. Correct the value, the quantity or the price.</source>
        <extracomment>Kinds whose totals are not the sum of their lines: an advance invoice totals the payment received, a settlement invoice what remains after the advances. A line&apos;s row: the texts of these children, by slot (the builder and the schema give each at most once per line). P_11 and P_11A start as this marker, so that an empty element still counts as present.</extracomment>
        <translation>Wartość pozycji {element} wynosi {stated}, a ilość × cena jednostkowa{less} daje {expected}. Popraw wartość, ilość lub cenę.</translation>
    </message>
    <message>
        <source> − discount</source>
        <translation> − rabat</translation>
    </message>
    <message>
        <source>{name} is {stated}, but the lines at this rate give {expected}. Recalculate the totals from the lines.</source>
        <extracomment>(bucket, percent) of each string rate key: the P_12 codes and &quot;margin&quot;. (bucket, its P_13_x name, its P_14_x name or None for a bucket without VAT), in order. Every total P_15 is the sum of.</extracomment>
        <translation>{name} wynosi {stated}, a pozycje w tej stawce dają {expected}. Przelicz sumy na podstawie pozycji.</translation>
    </message>
    <message>
        <source>The amount due P_15 is {due}, but the net totals plus VAT (P_13_x + P_14_x) come to {total}. {advice}</source>
        <translation>Kwota należności P_15 wynosi {due}, a sumy netto powiększone o VAT (P_13_x + P_14_x) dają {total}. {advice}</translation>
    </message>
    <message>
        <source>Check that the difference is an intended rounding.</source>
        <translation>Sprawdź, czy różnica jest zamierzonym zaokrągleniem.</translation>
    </message>
    <message>
        <source>Correct P_15 or the totals.</source>
        <translation>Popraw P_15 lub sumy.</translation>
    </message>
    <message>
        <source>seller</source>
        <translation>sprzedawca</translation>
    </message>
    <message>
        <source>authorised entity</source>
        <translation>podmiot upoważniony</translation>
    </message>
    <message>
        <source>seller before the correction</source>
        <translation>sprzedawca przed korektą</translation>
    </message>
    <message>
        <source>buyer before the correction</source>
        <translation>nabywca przed korektą</translation>
    </message>
    <message>
        <source>The {party}&apos;s NIP {nip} has a wrong check digit, so KSeF will reject it. Look for a typing error.</source>
        <extracomment>The same NIPs (the seller&apos;s above all) come back invoice after invoice.</extracomment>
        <translation>NIP {nip} ({party}) ma błędną cyfrę kontrolną, więc KSeF go odrzuci. Sprawdź, czy nie ma literówki.</translation>
    </message>
    <message>
        <source>The issue date P_1 ({issued}) is in the future (today is {today}); KSeF rejects an invoice dated after it is received. Use today&apos;s date or an earlier one.</source>
        <translation>Data wystawienia P_1 ({issued}) jest w przyszłości (dziś jest {today}); KSeF odrzuca fakturę z datą późniejszą niż data jej otrzymania. Użyj dzisiejszej lub wcześniejszej daty.</translation>
    </message>
    <message>
        <source>The billing period ends ({end}) before it starts ({start}). Swap or correct the dates.</source>
        <translation>Okres rozliczeniowy kończy się ({end}) przed swoim początkiem ({start}). Zamień lub popraw daty.</translation>
    </message>
    <message>
        <source>The corrected invoice is dated {ref}, after this correction&apos;s issue date {issued}. Check both dates.</source>
        <translation>Faktura korygowana ma datę {ref}, późniejszą niż data wystawienia tej korekty {issued}. Sprawdź obie daty.</translation>
    </message>
    <message>
        <source>A {kind} correction must name the invoice it corrects (DaneFaKorygowanej: its number, issue date and KSeF number, or NrKSeFN = 1 if it was issued outside KSeF). Add the corrected invoice&apos;s data.</source>
        <translation>Korekta ({kind}) musi wskazywać korygowaną fakturę (DaneFaKorygowanej: jej numer, datę wystawienia i numer KSeF albo NrKSeFN = 1, jeśli wystawiono ją poza KSeF). Dodaj dane faktury korygowanej.</translation>
    </message>
    <message>
        <source>The package {package} with the official schemas is not installed.</source>
        <translation>Pakiet {package} z oficjalnymi schematami nie jest zainstalowany.</translation>
    </message>
    <message>
        <source>The official schema file {path} cannot be read: {reason}</source>
        <translation>Nie można odczytać oficjalnego pliku schematu {path}: {reason}</translation>
    </message>
    <message>
        <source>The official schema file {path} differs from the catalogued version (sha256 {found}, expected {expected}). Install {package}.</source>
        <translation>Oficjalny plik schematu {path} różni się od wersji w katalogu (sha256 {found}, oczekiwano {expected}). Zainstaluj {package}.</translation>
    </message>
    <message>
        <source>The document must be given as bytes (UTF-8), not as text.</source>
        <extracomment>parse_xml&apos;s codes, folded into the validator&apos;s smaller vocabulary.</extracomment>
        <translation>Dokument należy przekazać jako bajty (UTF-8), a nie jako tekst.</translation>
    </message>
    <message>
        <source>document</source>
        <translation>dokument</translation>
    </message>
    <message>
        <source>Some checks could not be run on this document; the XSD check still applies.</source>
        <translation>Części kontroli nie udało się wykonać dla tego dokumentu; kontrola XSD nadal obowiązuje.</translation>
    </message>
    <message>
        <source>{value} is not a finite number.</source>
        <translation>{value} nie jest liczbą skończoną.</translation>
    </message>
    <message>
        <source>{value} has more than {n} digits before the decimal point.</source>
        <translation>{value} ma więcej niż {n} cyfr przed przecinkiem.</translation>
    </message>
    <message>
        <source>{value} has more than {n} decimal places.</source>
        <translation>{value} ma więcej niż {n} miejsc po przecinku.</translation>
    </message>
    <message>
        <source>{text!r} is not a plain decimal number.</source>
        <translation>{text!r} nie jest zwykłą liczbą dziesiętną.</translation>
    </message>
    <message>
        <source>{text!r} is not a number.</source>
        <translation>{text!r} nie jest liczbą.</translation>
    </message>
    <message>
        <source>{text!r} is not a date (YYYY-MM-DD).</source>
        <translation>{text!r} nie jest datą (RRRR-MM-DD).</translation>
    </message>
    <message>
        <source>{text!r} is not a calendar date.</source>
        <translation>{text!r} nie jest prawidłową datą kalendarzową.</translation>
    </message>
    <message>
        <source>{text!r} is not a date and time.</source>
        <translation>{text!r} nie jest datą z godziną.</translation>
    </message>
    <message>
        <source>{text!r} is not a valid date and time.</source>
        <translation>{text!r} nie jest prawidłową datą z godziną.</translation>
    </message>
    <message>
        <source>{text!r} is not a whole number.</source>
        <translation>{text!r} nie jest liczbą całkowitą.</translation>
    </message>
    <message>
        <source>{text!r}: this marker may only be 1.</source>
        <translation>{text!r}: ten znacznik może mieć tylko wartość 1.</translation>
    </message>
    <message>
        <source>{text!r} is neither 1 (yes) nor 2 (no).</source>
        <translation>{text!r} to ani 1 (tak), ani 2 (nie).</translation>
    </message>
    <message>
        <source>{text!r} is not a P_12 VAT rate code of FA(3).</source>
        <translation>{text!r} nie jest kodem stawki VAT P_12 w FA(3).</translation>
    </message>
    <message>
        <source>{text!r} is not one of the allowed codes ({codes}).</source>
        <translation>{text!r} nie należy do dozwolonych kodów ({codes}).</translation>
    </message>
    <message>
        <source>{path}: the text contains characters XML cannot carry: {text!r}</source>
        <extracomment>Characters XML 1.0 cannot carry, as lxml refuses them. Everything that is not copied verbatim: the characters above, and &amp; &lt; &gt; CR, which are escaped. Most texts have none, so one search settles them.</extracomment>
        <translation>{path}: tekst zawiera znaki niedozwolone w XML: {text!r}</translation>
    </message>
    <message>
        <source>The text contains characters XML cannot carry: {text!r}</source>
        <translation>Tekst zawiera znaki niedozwolone w XML: {text!r}</translation>
    </message>
    <message>
        <source>{what} cannot carry {attr} in FA(3).</source>
        <translation>{what} nie może mieć {attr} w FA(3).</translation>
    </message>
    <message>
        <source>The input must be bytes, not text.</source>
        <extracomment>KSeF&apos;s limit for an invoice without attachments is 1,000,000 bytes; reading stops well above it so that a validator can still report the size problem.</extracomment>
        <translation>Dane wejściowe muszą być bajtami, a nie tekstem.</translation>
    </message>
    <message>
        <source>The {what} is {size:,} bytes; at most {limit:,} bytes can be read.</source>
        <translation>{what}: rozmiar {size:,} bajtów; można odczytać najwyżej {limit:,} bajtów.</translation>
    </message>
    <message>
        <source>The {what} is empty.</source>
        <translation>{what}: brak treści.</translation>
    </message>
    <message>
        <source>The {what} contains a DOCTYPE or entity declaration. KSeF documents never do; such content is refused because it can expand without limit or read local files.</source>
        <translation>{what}: zawiera deklarację DOCTYPE lub encji. Dokumenty KSeF nigdy ich nie zawierają; taka treść jest odrzucana, bo może rozrastać się bez ograniczeń lub odczytywać pliki lokalne.</translation>
    </message>
    <message>
        <source>The {what} is not well-formed XML (line {line}): {reason}</source>
        <translation>{what}: to nie jest poprawnie zbudowany XML (wiersz {line}): {reason}</translation>
    </message>
    <message>
        <source>The element {name} is not allowed here. Remove it or move it to where the FA(3) schema expects it.</source>
        <extracomment>Elements holding dates: a schema error on their value is reported as date-invalid. A person cannot act on thousands of schema messages; the rest are counted.</extracomment>
        <translation>Element {name} jest tu niedozwolony. Usuń go lub przenieś tam, gdzie oczekuje go schemat FA(3).</translation>
    </message>
    <message>
        <source>The element {name} is not allowed at this position; the schema expects {expected} here. Add the missing element or put the elements in the required order.</source>
        <translation>Element {name} jest niedozwolony w tym miejscu; schemat oczekuje tu {expected}. Dodaj brakujący element lub ułóż elementy w wymaganej kolejności.</translation>
    </message>
    <message>
        <source>{name} is incomplete: the required element {expected} is missing. Add it.</source>
        <translation>{name} jest niekompletny: brakuje wymaganego elementu {expected}. Dodaj go.</translation>
    </message>
    <message>
        <source>a NIP is 10 digits without separators, not starting with 0</source>
        <translation>NIP to 10 cyfr bez separatorów, nie zaczynający się od 0</translation>
    </message>
    <message>
        <source>an amount is written like 1234.56: no leading zeros, &apos;+&apos;, spaces or commas, and at most 2 decimal places</source>
        <translation>kwotę zapisuje się jak 1234.56: bez zer wiodących, &apos;+&apos;, spacji i przecinków, najwyżej 2 miejsca po kropce</translation>
    </message>
    <message>
        <source>a KSeF number looks like 5261040828-20260102-0123456789AB-5C</source>
        <translation>numer KSeF ma postać 5261040828-20260102-0123456789AB-5C</translation>
    </message>
    <message>
        <source>the schema requires the pattern {pattern}</source>
        <translation>schemat wymaga wzorca {pattern}</translation>
    </message>
    <message>
        <source>The value &apos;{value}&apos; of {name} has the wrong format ({hint}). Correct it.</source>
        <translation>Wartość &apos;{value}&apos; pola {name} ma błędny format ({hint}). Popraw ją.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an allowed value of {name}. Use one of: {allowed}.</source>
        <translation>&apos;{value}&apos; nie jest dozwoloną wartością pola {name}. Użyj jednej z: {allowed}.</translation>
    </message>
    <message>
        <source>{name} is empty. Fill it in, or leave the element out if it is optional.</source>
        <translation>{name} jest puste. Wypełnij je lub pomiń element, jeśli jest opcjonalny.</translation>
    </message>
    <message>
        <source>{name} has {count} characters; the schema requires {kind} {limit}. Change its length.</source>
        <translation>{name} ma {count} znaków; schemat wymaga {kind} {limit}. Zmień długość.</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>co najmniej</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>najwyżej</translation>
    </message>
    <message>
        <source>exactly</source>
        <translation>dokładnie</translation>
    </message>
    <message>
        <source>{name} is {value}, below the smallest value the schema allows ({limit}).</source>
        <translation>{name} wynosi {value}, mniej niż najmniejsza wartość dopuszczalna w schemacie ({limit}).</translation>
    </message>
    <message>
        <source>{name} is {value}, above the largest value the schema allows ({limit}).</source>
        <translation>{name} wynosi {value}, więcej niż największa wartość dopuszczalna w schemacie ({limit}).</translation>
    </message>
    <message>
        <source>{name} ({value}) has more than {limit} decimal places. Round it.</source>
        <translation>{name} ({value}) ma więcej niż {limit} miejsc po przecinku. Zaokrąglij.</translation>
    </message>
    <message>
        <source>{name} ({value}) has more than {limit} digits.</source>
        <translation>{name} ({value}) ma więcej niż {limit} cyfr.</translation>
    </message>
    <message>
        <source>The value &apos;{value}&apos; of {name} breaks the schema&apos;s {facet} rule.</source>
        <translation>Wartość &apos;{value}&apos; pola {name} narusza regułę schematu {facet}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; in {name} is not a valid date. Write an existing date as YYYY-MM-DD.</source>
        <translation>&apos;{value}&apos; w {name} nie jest prawidłową datą. Wpisz istniejącą datę w postaci RRRR-MM-DD.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid value for {name}. Correct the value.</source>
        <translation>&apos;{value}&apos; nie jest prawidłową wartością pola {name}. Popraw wartość.</translation>
    </message>
    <message>
        <source>{name} lacks its required attribute {attribute}. Add it.</source>
        <translation>{name} nie ma wymaganego atrybutu {attribute}. Dodaj go.</translation>
    </message>
    <message>
        <source>This is not an FA(3) invoice: the root element is {name}, but FA(3) requires Faktura in the namespace {namespace}. Check that the file is an FA(3) document.</source>
        <translation>To nie jest faktura FA(3): elementem głównym jest {name}, a FA(3) wymaga elementu Faktura w przestrzeni nazw {namespace}. Sprawdź, czy plik jest dokumentem FA(3).</translation>
    </message>
    <message>
        <source>{name} contains text, but it may hold only child elements. Remove the text.</source>
        <translation>{name} zawiera tekst, a może zawierać tylko elementy podrzędne. Usuń tekst.</translation>
    </message>
    <message>
        <source>{name} must hold a plain value, not child elements.</source>
        <translation>{name} musi zawierać zwykłą wartość, a nie elementy podrzędne.</translation>
    </message>
    <message>
        <source>The schema rejects {name}: {reason}</source>
        <translation>Schemat odrzuca {name}: {reason}</translation>
    </message>
    <message>
        <source>The schema reports {count} more problems that are not listed. Fix the ones above first; many of the others usually disappear with them.</source>
        <translation>Schemat zgłasza jeszcze {count} problemów, których nie wymieniono. Najpierw popraw te powyżej; wiele pozostałych zwykle znika razem z nimi.</translation>
    </message>
    <message>
        <source>KSeF gave an upload address that is not https.</source>
        <translation>KSeF podał adres wysyłki, który nie jest adresem https.</translation>
    </message>
    <message>
        <source>Uploading a batch part failed ({kind}).</source>
        <translation>Wysłanie części paczki nie powiodło się ({kind}).</translation>
    </message>
    <message>
        <source>Storage refused a batch part (HTTP {status}).</source>
        <translation>Magazyn odrzucił część paczki (HTTP {status}).</translation>
    </message>
    <message>
        <source>The KSeF address {url!r} is not an http(s) URL.</source>
        <translation>Adres KSeF {url!r} nie jest adresem http(s).</translation>
    </message>
    <message>
        <source>Unknown KSeF environment {value!r}; use test, demo, prod or a URL.</source>
        <translation>Nieznane środowisko KSeF {value!r}; użyj test, demo, prod lub adresu URL.</translation>
    </message>
    <message>
        <source>No answer from KSeF during {operation} ({kind}).</source>
        <extracomment>HTTP statuses worth another attempt: rate limit, gateway trouble, server errors. Async status codes KSeF itself documents as &quot;cancelled by the system, retry&quot; / unknown. KSeF codes meaning the online/batch session can no longer take this operation. KSeF codes of refresh/redeem refusals: tokens spent, revoked or unknown.</extracomment>
        <translation>Brak odpowiedzi z KSeF podczas operacji {operation} ({kind}).</translation>
    </message>
    <message>
        <source>KSeF refused {operation}: {text}</source>
        <translation>KSeF odmówił operacji {operation}: {text}</translation>
    </message>
    <message>
        <source>KSeF sent an answer the program cannot use during {operation}.</source>
        <translation>KSeF przysłał podczas operacji {operation} odpowiedź, której program nie może wykorzystać.</translation>
    </message>
    <message>
        <source>KSeF reported {code} for {operation}: {description}</source>
        <translation>KSeF zgłosił kod {code} dla operacji {operation}: {description}</translation>
    </message>
    <message>
        <source>{value!r} is not a valid KSeF number ({reason}).</source>
        <translation>{value!r} nie jest prawidłowym numerem KSeF ({reason}).</translation>
    </message>
    <message>
        <source>The invoice {number} arrived damaged (hash mismatch).</source>
        <translation>Faktura {number} dotarła uszkodzona (niezgodny skrót).</translation>
    </message>
    <message>
        <source>KSeF kept closing the online sessions opened for this invoice.</source>
        <extracomment>KSeF caps an online session at 10 000 invoices.</extracomment>
        <translation>KSeF wielokrotnie zamykał sesje interaktywne otwarte dla tej faktury.</translation>
    </message>
    <message>
        <source>KOD II needs an offline KSeF certificate; none is configured.</source>
        <extracomment>Label under KOD I before KSeF assigned a number; under KOD II always CERTYFIKAT. The context the certificate acts in; defaults to the seller&apos;s NIP.</extracomment>
        <translation>KOD II wymaga certyfikatu KSeF offline; żaden nie jest skonfigurowany.</translation>
    </message>
    <message>
        <source>The offline certificate cannot sign KOD II: {reason}</source>
        <translation>Certyfikat offline nie może podpisać KODU II: {reason}</translation>
    </message>
    <message>
        <source>KSeF has not finished {operation} yet ({reference}).</source>
        <extracomment>Give up when the next wait would end later than this after the first try. Fraction of each backoff step that is randomised (0 = none, 1 = full jitter).</extracomment>
        <translation>KSeF nie zakończył jeszcze operacji {operation} ({reference}).</translation>
    </message>
    <message>
        <source>KSeF returned a malformed KSeF number {number!r} ({reason}).</source>
        <extracomment>Session codes while KSeF is still taking or processing the session. False when the request budget stopped the read before the last page. Invoices per page (KSeF allows 10 to 1000): small enough that a read repeats few decided entries, large enough that a backlog takes few pages.</extracomment>
        <translation>KSeF zwrócił niepoprawny numer KSeF {number!r} ({reason}).</translation>
    </message>
    <message>
        <source>The private key is kept in the {backend} store, which is not available on this computer now. Generate a new authorization code.</source>
        <translation>Klucz prywatny jest przechowywany w magazynie {backend}, który nie jest teraz dostępny na tym komputerze. Wygeneruj nowy kod autoryzacyjny.</translation>
    </message>
    <message>
        <source>There is no authorization code yet. Generate one in KSEF &gt; PARAMETERS.</source>
        <translation>Nie ma jeszcze kodu autoryzacyjnego. Wygeneruj go w KSEF &gt; PARAMETRY.</translation>
    </message>
    <message>
        <source>The private key of authorization code {key_id} is missing from this computer. Generate a new code and have it registered again.</source>
        <translation>Na tym komputerze brakuje klucza prywatnego kodu autoryzacyjnego {key_id}. Wygeneruj nowy kod i zleć jego ponowną rejestrację.</translation>
    </message>
    <message>
        <source>Not sent yet.</source>
        <extracomment>A fresh client for the configured WS (the caller closes it); raises when none is set up.</extracomment>
        <translation>Jeszcze nie wysłano.</translation>
    </message>
    <message>
        <source>KSeF has not accepted this document yet, so there is no UPO for it.</source>
        <translation>KSeF nie przyjął jeszcze tego dokumentu, więc nie ma dla niego UPO.</translation>
    </message>
    <message>
        <source>KSeF accepted the document but its UPO is not ready yet; try later.</source>
        <translation>KSeF przyjął dokument, ale jego UPO nie jest jeszcze gotowe; spróbuj później.</translation>
    </message>
    <message>
        <source>The document is no longer among the awaiting documents.</source>
        <translation>Dokumentu nie ma już wśród dokumentów oczekujących.</translation>
    </message>
    <message>
        <source>Exporting {done:,} of {total:,}…</source>
        <translation>Eksport {done:,} z {total:,}…</translation>
    </message>
    <message>
        <source>It will be sent again automatically.</source>
        <extracomment>Problems a person fixes by correcting the document. Problems that pass by themselves: the WS is busy, restarting or hit a glitch.</extracomment>
        <translation>Zostanie wysłany ponownie automatycznie.</translation>
    </message>
    <message>
        <source>The web service refused the document: {text}</source>
        <translation>Usługa sieciowa odrzuciła dokument: {text}</translation>
    </message>
    <message>
        <source>The web service could not be reached. {retry}</source>
        <translation>Nie udało się połączyć z usługą sieciową. {retry}</translation>
    </message>
    <message>
        <source>Delivered to the web service; waiting for KSeF to confirm it.</source>
        <translation>Przekazano do usługi sieciowej; oczekiwanie na potwierdzenie z KSeF.</translation>
    </message>
    <message>
        <source>KSeF could not take the document yet ({error}); the web service keeps trying.</source>
        <translation>KSeF nie mógł jeszcze przyjąć dokumentu ({error}); usługa sieciowa ponawia próby.</translation>
    </message>
    <message>
        <source>temporarily unavailable</source>
        <translation>chwilowo niedostępny</translation>
    </message>
    <message>
        <source>KSeF rejected the document: {error}. Reopen it for editing, correct it and send it again.</source>
        <translation>KSeF odrzucił dokument: {error}. Otwórz go ponownie do edycji, popraw i wyślij jeszcze raz.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <extracomment>Reports a short, user-readable description of the step now running.</extracomment>
        <translation>Anulowano.</translation>
    </message>
    <message>
        <source>WS address</source>
        <extracomment>Builds a client for one address; tests pass one with a custom transport or timeout. A signed client for the configured WS, built when needed (the address may change).</extracomment>
        <translation>Adres WS</translation>
    </message>
    <message>
        <source>Authorization code on this computer</source>
        <translation>Kod autoryzacyjny na tym komputerze</translation>
    </message>
    <message>
        <source>Web service answers</source>
        <translation>Usługa sieciowa odpowiada</translation>
    </message>
    <message>
        <source>Authorization code registered</source>
        <translation>Kod autoryzacyjny zarejestrowany</translation>
    </message>
    <message>
        <source>Company configured in the web service</source>
        <translation>Firma skonfigurowana w usłudze sieciowej</translation>
    </message>
    <message>
        <source>Clock of this computer</source>
        <translation>Zegar tego komputera</translation>
    </message>
    <message>
        <source>KSeF reachable</source>
        <translation>KSeF osiągalny</translation>
    </message>
    <message>
        <source>KSeF token accepted</source>
        <translation>Token KSeF zaakceptowany</translation>
    </message>
    <message>
        <source>Permission to send invoices</source>
        <translation>Uprawnienie do wysyłania faktur</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>Tryb sesji</translation>
    </message>
    <message>
        <source>Connection test failed at “{title}”: see what to do under that check.</source>
        <translation>Test połączenia nie powiódł się na kroku „{title}”: zobacz wskazówki pod tym sprawdzeniem.</translation>
    </message>
    <message>
        <source>Connection works, with {n} warning(s): {title}.</source>
        <translation>Połączenie działa; ostrzeżenia: {n}: {title}.</translation>
    </message>
    <message>
        <source>Connection works: the web service, the authorization code and KSeF are ready.</source>
        <translation>Połączenie działa: usługa sieciowa, kod autoryzacyjny i KSeF są gotowe.</translation>
    </message>
    <message>
        <source>Checking the address…</source>
        <translation>Sprawdzanie adresu…</translation>
    </message>
    <message>
        <source>No authorization code has been generated.</source>
        <translation>Nie wygenerowano kodu autoryzacyjnego.</translation>
    </message>
    <message>
        <source>Key {key_id} for NIP {nip}.</source>
        <translation>Klucz {key_id} dla NIP {nip}.</translation>
    </message>
    <message>
        <source>Contacting the web service…</source>
        <translation>Łączenie z usługą sieciową…</translation>
    </message>
    <message>
        <source>ksef-ws {version} ({status}).</source>
        <translation>ksef-ws {version} ({status}).</translation>
    </message>
    <message>
        <source>Running the connection test…</source>
        <translation>Trwa test połączenia…</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Wpisz nazwę kontrahenta.</translation>
    </message>
    <message>
        <source>A NIP identifies a Polish customer; the country must be PL.</source>
        <translation>NIP identyfikuje kontrahenta z Polski; kraj musi być PL.</translation>
    </message>
    <message>
        <source>Sending {done:,} of {total:,}…</source>
        <extracomment>States a resend may move on; a REJECTED document must be reopened and corrected.</extracomment>
        <translation>Wysyłanie {done:,} z {total:,}…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Gotowe.</translation>
    </message>
    <message>
        <source>Correct the cairo.KSEF WS ADDRESS above (ask the operator for it).</source>
        <translation>Popraw powyżej ADRES cairo.KSEF WS (podaje go operator).</translation>
    </message>
    <message>
        <source>Click GENERATE to create the authorization code, then give it to the operator.</source>
        <translation>Kliknij GENERUJ, aby utworzyć kod autoryzacyjny, a następnie przekaż go operatorowi.</translation>
    </message>
    <message>
        <source>Check the WS ADDRESS (host and port) and that ksef-ws is running; a firewall or VPN may block the port.</source>
        <translation>Sprawdź ADRES WS (host i port) oraz czy ksef-ws działa; port może blokować zapora lub VPN.</translation>
    </message>
    <message>
        <source>The service or the network is too slow or stuck; check that ksef-ws is running and try again.</source>
        <translation>Usługa lub sieć działa zbyt wolno albo nie odpowiada; sprawdź, czy ksef-ws działa, i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Ask the operator for a certificate this computer trusts, and use the host name the certificate is issued for. Never turn verification off.</source>
        <translation>Poproś operatora o certyfikat zaufany przez ten komputer i użyj nazwy hosta, dla której został wystawiony. Nigdy nie wyłączaj weryfikacji.</translation>
    </message>
    <message>
        <source>Check that the address points at ksef-ws, and update the program or the service so their versions match.</source>
        <translation>Sprawdź, czy adres wskazuje na ksef-ws, i zaktualizuj program lub usługę, aby ich wersje były zgodne.</translation>
    </message>
    <message>
        <source>Check the network connection and the WS ADDRESS, then try again.</source>
        <translation>Sprawdź połączenie sieciowe i ADRES WS, a następnie spróbuj ponownie.</translation>
    </message>
    <message>
        <source>Copy the AUTHORIZATION CODE and give it to the web-service operator to register (ksef-ws keys add CODE); then run the test again.</source>
        <translation>Skopiuj KOD AUTORYZACYJNY i przekaż go operatorowi usługi sieciowej do zarejestrowania (ksef-ws keys add KOD); potem uruchom test ponownie.</translation>
    </message>
    <message>
        <source>The operator revoked this code. Generate a new one and have it registered.</source>
        <translation>Operator unieważnił ten kod. Wygeneruj nowy i zleć jego rejestrację.</translation>
    </message>
    <message>
        <source>Set this computer&apos;s date, time and time zone right (turn on automatic time).</source>
        <translation>Ustaw poprawnie datę, godzinę i strefę czasową tego komputera (włącz czas automatyczny).</translation>
    </message>
    <message>
        <source>Run the test again; if it repeats, a proxy between you and the service replays requests.</source>
        <translation>Uruchom test ponownie; jeśli błąd się powtarza, serwer pośredniczący między Tobą a usługą powtarza żądania.</translation>
    </message>
    <message>
        <source>Use the service&apos;s own address (no proxy that rewrites requests); if that does not help, generate a new code and have it registered.</source>
        <translation>Użyj własnego adresu usługi (bez proxy przepisującego żądania); jeśli to nie pomoże, wygeneruj nowy kod i zleć jego rejestrację.</translation>
    </message>
    <message>
        <source>A proxy may be altering the request headers; use the service&apos;s own address.</source>
        <translation>Serwer pośredniczący może zmieniać nagłówki żądań; użyj własnego adresu usługi.</translation>
    </message>
    <message>
        <source>Ask the operator to add a [company NIP] section for this NIP to ksef.ini, or check the COMPANY NIP.</source>
        <translation>Poproś operatora o dodanie do ksef.ini sekcji [company NIP] dla tego NIP albo sprawdź NIP FIRMY.</translation>
    </message>
    <message>
        <source>The service failed; ask the operator to look at its log.</source>
        <translation>Usługa zgłosiła błąd; poproś operatora o sprawdzenie jej dziennika.</translation>
    </message>
    <message>
        <source>The service is busy or starting; try again in a minute.</source>
        <translation>Usługa jest zajęta lub się uruchamia; spróbuj ponownie za minutę.</translation>
    </message>
    <message>
        <source>The file is larger than 20 MB.</source>
        <translation>Plik jest większy niż 20 MB.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>Plik nie jest tekstem w UTF-8.</translation>
    </message>
    <message>
        <source>The file is not valid JSON: {msg} (line {line}, column {col}).</source>
        <translation>Plik nie jest poprawnym JSON: {msg} (wiersz {line}, kolumna {col}).</translation>
    </message>
    <message>
        <source>The file holds no document.</source>
        <translation>Plik nie zawiera dokumentu.</translation>
    </message>
    <message>
        <source>The file cannot be read: {r}</source>
        <translation>Nie można odczytać pliku: {r}</translation>
    </message>
    <message>
        <source>A document with ERP id {id} is already in the register.</source>
        <translation>Dokument o identyfikatorze ERP {id} jest już w rejestrze.</translation>
    </message>
    <message>
        <source>The private key in {where} is damaged. Generate a new authorization code in KSEF &gt; PARAMETERS and have it registered again.</source>
        <translation>Klucz prywatny w {where} jest uszkodzony. Wygeneruj nowy kod autoryzacyjny w KSEF &gt; PARAMETRY i zleć jego ponowną rejestrację.</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>systemowy pęk kluczy</translation>
    </message>
    <message>
        <source>Enter the web service address.</source>
        <translation>Wpisz adres usługi sieciowej.</translation>
    </message>
    <message>
        <source>Write the address with its scheme, e.g. https://{text}</source>
        <translation>Wpisz adres z protokołem, np. https://{text}</translation>
    </message>
    <message>
        <source>{text!r} is not a valid address (look at the port number).</source>
        <translation>{text!r} nie jest prawidłowym adresem (sprawdź numer portu).</translation>
    </message>
    <message>
        <source>The address must start with https:// (not {scheme}://).</source>
        <translation>Adres musi zaczynać się od https:// (a nie {scheme}://).</translation>
    </message>
    <message>
        <source>The address has no host name.</source>
        <translation>Adres nie zawiera nazwy hosta.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the address.</source>
        <translation>Nie umieszczaj w adresie nazwy użytkownika ani hasła.</translation>
    </message>
    <message>
        <source>The address must not contain &apos;?&apos; or &apos;#&apos; parts.</source>
        <translation>Adres nie może zawierać części &apos;?&apos; ani &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Use https:// for a web service on another computer; plain http:// is only allowed for this computer (localhost).</source>
        <translation>Dla usługi sieciowej na innym komputerze użyj https://; zwykłe http:// jest dozwolone tylko dla tego komputera (localhost).</translation>
    </message>
    <message>
        <source>ORIGINAL</source>
        <translation>ORYGINAŁ</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>KOPIA</translation>
    </message>
    <message>
        <source>Choose how the buyer pays.</source>
        <extracomment>The seven FA(3) payment methods, in the order the form lists them.</extracomment>
        <translation>Wybierz formę płatności nabywcy.</translation>
    </message>
    <message>
        <source>A bank transfer needs the account the buyer pays into.</source>
        <translation>Przelew wymaga rachunku, na który nabywca płaci.</translation>
    </message>
    <message>
        <source>The due date is before the issue date ({d}).</source>
        <translation>Termin płatności jest wcześniejszy niż data wystawienia ({d}).</translation>
    </message>
    <message>
        <source>Print from 1 to {n} copies.</source>
        <translation>Drukuj od 1 do {n} egzemplarzy.</translation>
    </message>
    <message>
        <source>margin scheme</source>
        <translation>procedura marży</translation>
    </message>
    <message>
        <source>Sending the document to the web service…</source>
        <extracomment>A client for the configured WS, built at each send so a changed address takes effect.</extracomment>
        <translation>Wysyłanie dokumentu do usługi sieciowej…</translation>
    </message>
    <message>
        <source>The document was not delivered: {reason} It waits in AWAITING DOCUMENTS and will be sent again; you can print it now (marked OFFLINE).</source>
        <translation>Dokument nie został dostarczony: {reason} Czeka w DOKUMENTACH OCZEKUJĄCYCH i zostanie wysłany ponownie; możesz go teraz wydrukować (z oznaczeniem OFFLINE).</translation>
    </message>
    <message>
        <source>The web service refused the document: {reason} Reopen it from the register, correct it and approve it again.</source>
        <translation>Usługa sieciowa odrzuciła dokument: {reason} Otwórz go ponownie z rejestru, popraw i zatwierdź jeszcze raz.</translation>
    </message>
    <message>
        <source>The web service queued the document for its batch session; KSeF gives the number when that session closes (within the batch window).</source>
        <translation>Usługa sieciowa dodała dokument do sesji wsadowej; KSeF nada numer po zamknięciu tej sesji (w ramach okna wsadowego).</translation>
    </message>
    <message>
        <source>Waiting for KSeF&apos;s answer…</source>
        <translation>Oczekiwanie na odpowiedź KSeF…</translation>
    </message>
    <message>
        <source>You stopped waiting.</source>
        <translation>Przerwano oczekiwanie.</translation>
    </message>
    <message>
        <source>KSeF has not answered yet.</source>
        <translation>KSeF jeszcze nie odpowiedział.</translation>
    </message>
    <message>
        <source>KSeF accepted the invoice: KSeF number {n}.</source>
        <translation>KSeF przyjął fakturę: numer KSeF {n}.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>nie podano przyczyny</translation>
    </message>
    <message>
        <source>KSeF rejected the invoice ({code}): {reason}</source>
        <translation>KSeF odrzucił fakturę ({code}): {reason}</translation>
    </message>
    <message>
        <source>{reason} It cannot be printed; reopen it from the register, correct it and approve it again.</source>
        <translation>{reason} Nie można go wydrukować; otwórz go ponownie z rejestru, popraw i zatwierdź jeszcze raz.</translation>
    </message>
    <message>
        <source>KSeF could not take the invoice yet: {reason} The web service keeps trying; the document waits in AWAITING DOCUMENTS and can be printed (marked OFFLINE).</source>
        <translation>KSeF nie mógł jeszcze przyjąć faktury: {reason} Usługa sieciowa ponawia próby; dokument czeka w DOKUMENTACH OCZEKUJĄCYCH i można go wydrukować (z oznaczeniem OFFLINE).</translation>
    </message>
    <message>
        <source>{why} The web service has the document and delivers it to KSeF; the register shows the KSeF number when it arrives.</source>
        <translation>{why} Usługa sieciowa ma dokument i dostarczy go do KSeF; rejestr pokaże numer KSeF, gdy zostanie nadany.</translation>
    </message>
    <message>
        <source>not configured (KSEF &gt; PARAMETERS)</source>
        <translation>nie skonfigurowano (KSEF &gt; PARAMETRY)</translation>
    </message>
    <message>
        <source>ksef-ws {version} at {url}</source>
        <translation>ksef-ws {version} pod adresem {url}</translation>
    </message>
    <message>
        <source>FA(3) document</source>
        <translation>dokument FA(3)</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Sprzedawca</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Nabywca</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Pozycja</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Płatność</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Numer dokumentu</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Data wystawienia</translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation>Data sprzedaży</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Podsumowanie</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Waluta</translation>
    </message>
    <message>
        <source>Correction data</source>
        <translation>Dane korekty</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Adnotacje</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Uwagi</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Forma płatności</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Termin płatności</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Rachunek bankowy</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Liczba egzemplarzy</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Wydruk na</translation>
    </message>
    <message>
        <source>Original or copy</source>
        <translation>Oryginał czy kopia</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Line {n}</source>
        <translation>Pozycja {n}</translation>
    </message>
    <message>
        <source>Print data</source>
        <translation>Dane wydruku</translation>
    </message>
    <message>
        <source>KSeF validation</source>
        <translation>Weryfikacja KSeF</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Zatwierdź</translation>
    </message>
    <message>
        <source>Send to KSeF</source>
        <translation>Wyślij do KSeF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drukuj</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulowano</translation>
    </message>
    <message>
        <source>There is no next step here.</source>
        <extracomment>The saved printout language (reads settings.ini: call it off the GUI thread).</extracomment>
        <translation>Nie ma tu kolejnego kroku.</translation>
    </message>
    <message>
        <source>The document is approved; going back to change it is no longer possible.</source>
        <translation>Dokument jest zatwierdzony; powrót w celu jego zmiany nie jest już możliwy.</translation>
    </message>
    <message>
        <source>This document was already sent.</source>
        <translation>Ten dokument został już wysłany.</translation>
    </message>
    <message>
        <source>KSeF rejected this document. Reopen it from the register and correct it before printing.</source>
        <translation>KSeF odrzucił ten dokument. Przed wydrukiem otwórz go ponownie z rejestru i popraw.</translation>
    </message>
    <message>
        <source>KSeF validation found {n} error(s). Correct them (go to each problem) and click Next again.</source>
        <translation>Weryfikacja KSeF wykazała błędy ({n}). Popraw je (przejdź do każdego problemu) i ponownie kliknij Dalej.</translation>
    </message>
    <message>
        <source>The document passes KSeF validation.</source>
        <translation>Dokument przechodzi weryfikację KSeF.</translation>
    </message>
    <message>
        <source>The document passes KSeF validation, with {n} warning(s).</source>
        <translation>Dokument przechodzi weryfikację KSeF; ostrzeżenia: {n}.</translation>
    </message>
    <message>
        <source>Approving gives the document its number and locks its content.</source>
        <translation>Zatwierdzenie nadaje dokumentowi numer i blokuje jego treść.</translation>
    </message>
    <message>
        <source>Approved as {number}. Send it to KSeF next.</source>
        <translation>Zatwierdzono jako {number}. Teraz wyślij go do KSeF.</translation>
    </message>
    <message>
        <source>That belongs to the step “{want}”; the wizard is at “{now}”.</source>
        <translation>To należy do kroku „{want}”; kreator jest na kroku „{now}”.</translation>
    </message>
    <message>
        <source>KSeF rejected the document; it cannot be printed.</source>
        <translation>KSeF odrzucił dokument; nie można go wydrukować.</translation>
    </message>
    <message>
        <source>Send the document to KSeF before printing it.</source>
        <translation>Przed wydrukiem wyślij dokument do KSeF.</translation>
    </message>
    <message>
        <source>A stored document breaks a rule of the document model: {reason}</source>
        <extracomment>Bumped when a stored shape changes incompatibly; decode refuses what it does not know.</extracomment>
        <translation>Zapisany dokument narusza regułę modelu dokumentu: {reason}</translation>
    </message>
    <message>
        <source>A stored document cannot be read back ({reason}).</source>
        <translation>Nie można odczytać zapisanego dokumentu ({reason}).</translation>
    </message>
    <message>
        <source>A stored document cannot be read back.</source>
        <translation>Nie można odczytać zapisanego dokumentu.</translation>
    </message>
    <message>
        <source>A customer with NIP {nip} is already on the list.</source>
        <translation>Kontrahent o numerze NIP {nip} jest już na liście.</translation>
    </message>
    <message>
        <source>The data file {path} was written by a newer version of ksef-desktop (schema {found}, this program knows {known}). Update the program.</source>
        <extracomment>Each entry moves the schema one version forward; entry ``i`` produces version ``i + 1``. Never edit a released entry: append a new one instead.</extracomment>
        <translation>Plik danych {path} został zapisany przez nowszą wersję ksef-desktop (schemat {found}, ten program zna {known}). Zaktualizuj program.</translation>
    </message>
    <message>
        <source>The register already holds a document with number {number}.</source>
        <translation>Rejestr zawiera już dokument o numerze {number}.</translation>
    </message>
    <message>
        <source>The register already holds a document with ERP id {id}.</source>
        <translation>Rejestr zawiera już dokument o identyfikatorze ERP {id}.</translation>
    </message>
    <message>
        <source>The document is {state}; its content can no longer change.</source>
        <translation>Dokument ma status: {state}; jego treści nie można już zmienić.</translation>
    </message>
    <message>
        <source>The number {number} is already used by another document.</source>
        <translation>Numer {number} jest już użyty przez inny dokument.</translation>
    </message>
    <message>
        <source>Only a draft can be deleted; this document is {state}.</source>
        <translation>Usunąć można tylko wersję roboczą; ten dokument ma status: {state}.</translation>
    </message>
    <message>
        <source>Document {id} is not in the register (deleted meanwhile?).</source>
        <translation>Dokumentu {id} nie ma w rejestrze (czy został w międzyczasie usunięty?).</translation>
    </message>
    <message>
        <source>STATUS (ACTIVE)</source>
        <translation>STATUS (AKTYWNY)</translation>
    </message>
    <message>
        <source>When off, documents are printed without the KSeF steps.</source>
        <translation>Gdy wyłączony, dokumenty są drukowane bez kroków KSeF.</translation>
    </message>
    <message>
        <source>cairo.KSEF WS ADDRESS</source>
        <translation>ADRES cairo.KSEF WS</translation>
    </message>
    <message>
        <source>The address of the ksef-ws web service, e.g. https://ksef-ws.example.com:8765</source>
        <translation>Adres usługi sieciowej ksef-ws, np. https://ksef-ws.example.com:8765</translation>
    </message>
    <message>
        <source>COMPANY NIP</source>
        <translation>NIP FIRMY</translation>
    </message>
    <message>
        <source>The seller&apos;s NIP; the authorization code is bound to it.</source>
        <translation>NIP sprzedawcy; kod autoryzacyjny jest z nim powiązany.</translation>
    </message>
    <message>
        <source>The data file {path} was written by a newer version of ksef-desktop ({part} schema {found}, this program knows {known}). Update the program.</source>
        <translation>Plik danych {path} został zapisany przez nowszą wersję ksef-desktop (schemat {part} {found}, ten program zna {known}). Zaktualizuj program.</translation>
    </message>
    <message>
        <source>Document {id} was recorded without its content; it cannot be opened.</source>
        <translation>Dokument {id} zapisano bez treści; nie można go otworzyć.</translation>
    </message>
    <message>
        <source>assigned at approval</source>
        <extracomment>Invoices a correction may refer to: KSeF has (or is about to have) them.</extracomment>
        <translation>nadawany przy zatwierdzeniu</translation>
    </message>
    <message>
        <source>assigned at approval (now it would be {number})</source>
        <translation>nadawany przy zatwierdzeniu (obecnie byłby to {number})</translation>
    </message>
    <message>
        <source>The printout could not be started on this output.</source>
        <translation>Nie udało się rozpocząć wydruku na tym urządzeniu.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Folder {folder} nie istnieje.</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {reason}</source>
        <translation>Nie udało się zapisać pliku PDF w {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Nie można odczytać {file}: {reason}</translation>
    </message>
    <message>
        <source>Reading and checking the XML against the FA(3) schema and KSeF&apos;s rules…</source>
        <translation>Odczyt i sprawdzanie XML ze schematem FA(3) i regułami KSeF…</translation>
    </message>
    <message>
        <source>Reading the schema documentation…</source>
        <translation>Odczyt dokumentacji schematu…</translation>
    </message>
    <message>
        <source>The list changed while you were choosing; check the selection and try again.</source>
        <translation>Lista zmieniła się podczas wybierania; sprawdź zaznaczenie i spróbuj ponownie.</translation>
    </message>
    <message>
        <source>KSeF code {code}: {text}</source>
        <translation>Kod KSeF {code}: {text}</translation>
    </message>
    <message>
        <source>Transport error: {text}</source>
        <translation>Błąd transmisji: {text}</translation>
    </message>
    <message>
        <source>Reason code: {code}</source>
        <translation>Kod przyczyny: {code}</translation>
    </message>
    <message>
        <source>— (needs correcting)</source>
        <translation>— (wymaga poprawienia)</translation>
    </message>
    <message>
        <source>— (administrator)</source>
        <translation>— (administrator)</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wczytywanie…</translation>
    </message>
    <message>
        <source>Export FA(3) XML to</source>
        <translation>Eksportuj XML FA(3) do</translation>
    </message>
    <message>
        <source>Save the UPO</source>
        <translation>Zapisz UPO</translation>
    </message>
    <message>
        <source>XML files (*.xml)</source>
        <translation>Pliki XML (*.xml)</translation>
    </message>
    <message>
        <source>KSeF</source>
        <translation>KSeF</translation>
    </message>
    <message>
        <source>the log</source>
        <translation>dzienniku</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Nieoczekiwany błąd</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your data is safe; you can continue working. The details are in {where} — please send them with a bug report.</source>
        <translation>Wystąpił błąd, którego program się nie spodziewał. Twoje dane są bezpieczne; możesz kontynuować pracę. Szczegóły zapisano w {where} — prosimy o dołączenie ich do zgłoszenia błędu.</translation>
    </message>
    <message>
        <source>No NIP: a consumer, or a buyer from abroad.</source>
        <translation>Bez NIP: konsument lub nabywca z zagranicy.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>{n} z 10 cyfr</translation>
    </message>
    <message>
        <source>A NIP identifies a Polish customer; set the country to PL.</source>
        <translation>NIP identyfikuje kontrahenta z Polski; ustaw kraj PL.</translation>
    </message>
    <message>
        <source>✓ valid NIP {nip}</source>
        <translation>✓ poprawny NIP {nip}</translation>
    </message>
    <message>
        <source>NIP (Polish buyer)</source>
        <translation>NIP (nabywca z Polski)</translation>
    </message>
    <message>
        <source>EU VAT number</source>
        <translation>numer VAT UE</translation>
    </message>
    <message>
        <source>foreign tax id</source>
        <translation>zagraniczny numer podatkowy</translation>
    </message>
    <message>
        <source>no identifier (consumer)</source>
        <translation>brak identyfikatora (konsument)</translation>
    </message>
    <message>
        <source>DE</source>
        <translation>DE</translation>
    </message>
    <message>
        <source>Country prefix of the EU VAT number or foreign id</source>
        <translation>Prefiks kraju numeru VAT UE lub identyfikatora zagranicznego</translation>
    </message>
    <message>
        <source>Buyer NIP</source>
        <translation>NIP nabywcy</translation>
    </message>
    <message>
        <source>&amp;Pick…</source>
        <translation>&amp;Wybierz…</translation>
    </message>
    <message>
        <source>Pick the buyer from the customer list (F4)</source>
        <translation>Wybierz nabywcę z listy kontrahentów (F4)</translation>
    </message>
    <message>
        <source>&amp;Tax id:</source>
        <translation>&amp;Identyfikator podatkowy:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nazwa:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>Countr&amp;y:</source>
        <translation>&amp;Kraj:</translation>
    </message>
    <message>
        <source>The buyer has no tax identifier (BrakID).</source>
        <translation>Nabywca nie ma identyfikatora podatkowego (BrakID).</translation>
    </message>
    <message>
        <source>Type the buyer&apos;s tax id, or pick the buyer (F4).</source>
        <translation>Wpisz identyfikator podatkowy nabywcy lub wybierz nabywcę (F4).</translation>
    </message>
    <message>
        <source>✓ valid NIP</source>
        <translation>✓ poprawny NIP</translation>
    </message>
    <message>
        <source>✓ EU VAT number in the right form</source>
        <translation>✓ numer VAT UE w poprawnej postaci</translation>
    </message>
    <message>
        <source>✓ foreign tax id</source>
        <translation>✓ zagraniczny numer podatkowy</translation>
    </message>
    <message>
        <source>Enter the buyer&apos;s name.</source>
        <translation>Wpisz nazwę nabywcy.</translation>
    </message>
    <message>
        <source>Corrected invoice</source>
        <translation>Faktura korygowana</translation>
    </message>
    <message>
        <source>— choose the invoice to correct —</source>
        <translation>— wybierz fakturę do skorygowania —</translation>
    </message>
    <message>
        <source>— not stated —</source>
        <translation>— nie podano —</translation>
    </message>
    <message>
        <source>at the corrected invoice&apos;s date</source>
        <translation>z datą faktury korygowanej</translation>
    </message>
    <message>
        <source>at the correction&apos;s date</source>
        <translation>z datą korekty</translation>
    </message>
    <message>
        <source>at another date</source>
        <translation>z inną datą</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Przed</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Po</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Zmiana</translation>
    </message>
    <message>
        <source>Lines before and after the correction</source>
        <translation>Pozycje przed korektą i po korekcie</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Totals before and after the correction</source>
        <translation>Sumy przed korektą i po korekcie</translation>
    </message>
    <message>
        <source>Takes e&amp;ffect:</source>
        <translation>&amp;Skutek:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Przyczyna:</translation>
    </message>
    <message>
        <source>C&amp;orrects:</source>
        <translation>&amp;Koryguje:</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(bez numeru)</translation>
    </message>
    <message>
        <source>The register holds no accepted or sent invoice to correct.</source>
        <translation>W rejestrze nie ma przyjętej ani wysłanej faktury do skorygowania.</translation>
    </message>
    <message>
        <source>Choose the invoice this correction corrects.</source>
        <translation>Wybierz fakturę, którą koryguje ta korekta.</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Różnica</translation>
    </message>
    <message>
        <source>The delivery or service date (P_6); — leaves it out</source>
        <translation>Data dostawy lub wykonania usługi (P_6); — pomija ją</translation>
    </message>
    <message>
        <source>net prices</source>
        <translation>ceny netto</translation>
    </message>
    <message>
        <source>gross prices</source>
        <translation>ceny brutto</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Rodzaj:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Numer:</translation>
    </message>
    <message>
        <source>Sale &amp;date:</source>
        <translation>Data &amp;sprzedaży:</translation>
    </message>
    <message>
        <source>&amp;Issue date:</source>
        <translation>Data &amp;wystawienia:</translation>
    </message>
    <message>
        <source>Pla&amp;ce of issue:</source>
        <translation>&amp;Miejsce wystawienia:</translation>
    </message>
    <message>
        <source>Pricin&amp;g:</source>
        <translation>&amp;Liczone od:</translation>
    </message>
    <message>
        <source>Seller:</source>
        <translation>Sprzedawca:</translation>
    </message>
    <message>
        <source>not known: enter the COMPANY NIP in KSEF &gt; PARAMETERS</source>
        <translation>nieznany: wpisz NIP FIRMY w KSEF &gt; PARAMETRY</translation>
    </message>
    <message>
        <source>Enter what is sold.</source>
        <translation>Wpisz, co jest sprzedawane.</translation>
    </message>
    <message>
        <source>The quantity must be greater than zero.</source>
        <translation>Ilość musi być większa od zera.</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>Cena nie może być ujemna.</translation>
    </message>
    <message>
        <source>Choose the VAT rate.</source>
        <translation>Wybierz stawkę VAT.</translation>
    </message>
    <message>
        <source>The quantity {text!r} is not a number.</source>
        <translation>Ilość {text!r} nie jest liczbą.</translation>
    </message>
    <message>
        <source>The price {text!r} is not a number.</source>
        <translation>Cena {text!r} nie jest liczbą.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Ilość</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>J.m.</translation>
    </message>
    <message>
        <source>Net price</source>
        <translation>Cena netto</translation>
    </message>
    <message>
        <source>Gross price</source>
        <translation>Cena brutto</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Stawka VAT</translation>
    </message>
    <message>
        <source>Net value</source>
        <translation>Wartość netto</translation>
    </message>
    <message>
        <source>Gross value</source>
        <translation>Wartość brutto</translation>
    </message>
    <message>
        <source>edit line</source>
        <translation>edycja pozycji</translation>
    </message>
    <message>
        <source>add line</source>
        <translation>dodanie pozycji</translation>
    </message>
    <message>
        <source>remove line</source>
        <translation>usunięcie pozycji</translation>
    </message>
    <message>
        <source>move line</source>
        <translation>przeniesienie pozycji</translation>
    </message>
    <message>
        <source>Document lines</source>
        <translation>Pozycje dokumentu</translation>
    </message>
    <message>
        <source>Ins adds a line, Del removes it, Ctrl+Up/Down moves it, Enter or typing edits</source>
        <translation>Ins dodaje pozycję, Del ją usuwa, Ctrl+Góra/Dół przenosi, Enter lub pisanie edytuje</translation>
    </message>
    <message>
        <source>26-digit NRB or IBAN</source>
        <translation>26-cyfrowy NRB lub IBAN</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Forma:</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>&amp;Termin płatności:</translation>
    </message>
    <message>
        <source>&amp;Bank account:</source>
        <translation>&amp;Rachunek bankowy:</translation>
    </message>
    <message>
        <source>A bank transfer needs the account (the print wizard will ask).</source>
        <translation>Przelew wymaga rachunku (kreator wydruku o niego zapyta).</translation>
    </message>
    <message>
        <source>group {n}</source>
        <translation>grupa {n}</translation>
    </message>
    <message>
        <source>Totals per VAT rate</source>
        <translation>Sumy według stawek VAT</translation>
    </message>
    <message>
        <source>Net total:</source>
        <translation>Razem netto:</translation>
    </message>
    <message>
        <source>VAT total:</source>
        <translation>Razem VAT:</translation>
    </message>
    <message>
        <source>Amount due:</source>
        <translation>Do zapłaty:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Sprawdzenie</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Czas</translation>
    </message>
    <message>
        <source>Connection test results</source>
        <translation>Wyniki testu połączenia</translation>
    </message>
    <message>
        <source>Import documents from JSON</source>
        <translation>Importuj dokumenty z JSON</translation>
    </message>
    <message>
        <source>ERP documents (*.json)</source>
        <translation>Dokumenty ERP (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Ostrzeżenie</translation>
    </message>
    <message>
        <source>Element</source>
        <extracomment>The node&apos;s index in the StructureModel (tests and the window use it).</extracomment>
        <translation>Element</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wartość</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atrybuty</translation>
    </message>
    <message>
        <source>KSeF: {message}</source>
        <translation>KSeF: {message}</translation>
    </message>
    <message>
        <source>Problems inside this element</source>
        <translation>Problemy wewnątrz tego elementu</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktywny</translation>
    </message>
    <message>
        <source>The language settings could not be saved to {path}: {reason}</source>
        <extracomment>Both choices: the interface language (None: follow the system) and the printout language.</extracomment>
        <translation>Nie udało się zapisać ustawień języka w pliku {path}: {reason}</translation>
    </message>
    <message>
        <source>Type the advance invoice&apos;s number.</source>
        <extracomment>FakturaZaliczkowa occurs at most this often in an FA(3) invoice. The kinds that name the advance invoices they settle (a ROZ, and its correction).</extracomment>
        <translation>Wpisz numer faktury zaliczkowej.</translation>
    </message>
    <message>
        <source>Type the advance invoice&apos;s KSeF number.</source>
        <translation>Wpisz numer KSeF faktury zaliczkowej.</translation>
    </message>
    <message>
        <source>An invoice number has at most 256 characters.</source>
        <translation>Numer faktury ma najwyżej 256 znaków.</translation>
    </message>
    <message>
        <source>{value} is not a valid KSeF number; one reads like 5261040828-20261102-0123456789AB-CA (the seller&apos;s NIP, the date, 12 characters and 2 check characters). For an advance invoice issued outside KSeF, tick that box and type its own number.</source>
        <translation>{value} nie jest poprawnym numerem KSeF; ma on postać 5261040828-20261102-0123456789AB-CA (NIP sprzedawcy, data, 12 znaków i 2 znaki kontrolne). Dla faktury zaliczkowej wystawionej poza KSeF zaznacz to pole i wpisz jej numer.</translation>
    </message>
    <message>
        <source>A settlement invoice names the advance invoices it settles: add at least one.</source>
        <translation>Faktura rozliczeniowa wskazuje rozliczane faktury zaliczkowe: dodaj co najmniej jedną.</translation>
    </message>
    <message>
        <source>An FA(3) invoice names at most {n} advance invoices.</source>
        <translation>Faktura FA(3) wskazuje najwyżej {n} faktur zaliczkowych.</translation>
    </message>
    <message>
        <source>KSeF number {number}</source>
        <translation>numer KSeF {number}</translation>
    </message>
    <message>
        <source>{number} (issued outside KSeF)</source>
        <translation>{number} (wystawiona poza KSeF)</translation>
    </message>
    <message>
        <source>KSeF number of the advance invoice</source>
        <translation>Numer KSeF faktury zaliczkowej</translation>
    </message>
    <message>
        <source>Advance invoice to add</source>
        <translation>Faktura zaliczkowa do dodania</translation>
    </message>
    <message>
        <source>Issued outside KSeF</source>
        <translation>Wystawiona poza KSeF</translation>
    </message>
    <message>
        <source>Add advanc&amp;e invoice</source>
        <translation>Dodaj fakturę zaliczk&amp;ową</translation>
    </message>
    <message>
        <source>Advance invoices settled</source>
        <translation>Rozliczane faktury zaliczkowe</translation>
    </message>
    <message>
        <source>Remove (Del)</source>
        <translation>Usuń (Del)</translation>
    </message>
    <message>
        <source>This advance invoice is on the list already.</source>
        <translation>Ta faktura zaliczkowa jest już na liście.</translation>
    </message>
    <message>
        <source>Number of the advance invoice</source>
        <translation>Numer faktury zaliczkowej</translation>
    </message>
</context>
<context>
    <name>ApprovePage</name>
    <message>
        <source>Number</source>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Data wystawienia</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Nabywca</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Forma płatności</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Ostrzeżenia</translation>
    </message>
    <message>
        <source>{n} (given on approval)</source>
        <translation>{n} (nadawany przy zatwierdzeniu)</translation>
    </message>
</context>
<context>
    <name>AwaitingActions</name>
    <message>
        <source>&amp;Resend selected</source>
        <extracomment>The window&apos;s actions; their keys come from ui/shortcuts.py.</extracomment>
        <translation>Wyślij ponownie &amp;zaznaczone</translation>
    </message>
    <message>
        <source>Send the selected documents again</source>
        <translation>Wyślij ponownie zaznaczone dokumenty</translation>
    </message>
    <message>
        <source>Resend &amp;all matching</source>
        <translation>Wyślij ponownie wszystkie p&amp;asujące</translation>
    </message>
    <message>
        <source>Send again every document that matches the filter</source>
        <translation>Wyślij ponownie wszystkie dokumenty spełniające filtr</translation>
    </message>
    <message>
        <source>Show s&amp;tructure</source>
        <translation>Pokaż s&amp;trukturę</translation>
    </message>
    <message>
        <source>Open the FA(3) structure viewer</source>
        <translation>Otwórz przeglądarkę struktury FA(3)</translation>
    </message>
    <message>
        <source>Show &amp;UPO</source>
        <translation>Po&amp;każ UPO</translation>
    </message>
    <message>
        <source>The UPO of a document KSeF accepted meanwhile</source>
        <translation>UPO dokumentu, który KSeF w międzyczasie przyjął</translation>
    </message>
    <message>
        <source>&amp;Export XML…</source>
        <translation>&amp;Eksportuj XML…</translation>
    </message>
    <message>
        <source>Save the FA(3) XML of the selection</source>
        <translation>Zapisz XML FA(3) zaznaczonych dokumentów</translation>
    </message>
    <message>
        <source>Re&amp;open for editing</source>
        <translation>Otwó&amp;rz ponownie do edycji</translation>
    </message>
    <message>
        <source>Take a document KSeF rejected back for correction</source>
        <translation>Przywróć odrzucony przez KSeF dokument do poprawienia</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Odśw&amp;ież</translation>
    </message>
    <message>
        <source>Read the list again</source>
        <translation>Odczytaj listę ponownie</translation>
    </message>
</context>
<context>
    <name>AwaitingModel</name>
    <message>
        <source>Number</source>
        <extracomment>Rows per fetch: a screenful or two, one SQL ``IN (...)`` query. Pages kept in memory; scrolling through 100,000 rows does not keep them all. A row&apos;s record and the text of its cells. (header, sort key) per column, in display order. The headers are English sources marked for lupdate (typed as object) and translated in headerData, after the catalog is installed.</extracomment>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Nabywca</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Przyczyna</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Próby</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Ostatnia próba</translation>
    </message>
    <message>
        <source>Next automatic retry</source>
        <translation>Następna próba</translation>
    </message>
</context>
<context>
    <name>AwaitingWindow</name>
    <message>
        <source>KSEF &gt; AWAITING DOCUMENTS</source>
        <extracomment>Several changes in quick succession (a resend of many batches) refresh the list once.</extracomment>
        <translation>KSEF &gt; DOKUMENTY OCZEKUJĄCE</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Anuluj</translation>
    </message>
    <message>
        <source>Stop after the batch being sent (Esc)</source>
        <translation>Zatrzymaj po wysłaniu bieżącej partii (Esc)</translation>
    </message>
    <message>
        <source>Awaiting documents</source>
        <translation>Dokumenty oczekujące</translation>
    </message>
    <message>
        <source>{count:,} awaiting</source>
        <translation>oczekujące: {count:,}</translation>
    </message>
    <message>
        <source>{shown:,} of {count:,} awaiting</source>
        <translation>{shown:,} z {count:,} oczekujących</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Zatrzymywanie po bieżącej partii…</translation>
    </message>
    <message>
        <source>Resend all?</source>
        <translation>Wysłać ponownie wszystkie?</translation>
    </message>
    <message>
        <source>Send again all {count:,} documents that match the filter?</source>
        <translation>Wysłać ponownie wszystkie dokumenty zgodne z filtrem ({count:,})?</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Wyślij ponownie</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wysyłanie…</translation>
    </message>
    <message>
        <source>{count} accepted</source>
        <translation>przyjęte: {count}</translation>
    </message>
    <message>
        <source>{count} waiting for KSeF</source>
        <translation>czekające na KSeF: {count}</translation>
    </message>
    <message>
        <source>{count} not delivered</source>
        <translation>niedostarczone: {count}</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>odrzucone: {count}</translation>
    </message>
    <message>
        <source>{count} not sent</source>
        <translation>niewysłane: {count}</translation>
    </message>
    <message>
        <source>Resent {count}: {parts}.</source>
        <translation>Wysłano ponownie {count}: {parts}.</translation>
    </message>
    <message>
        <source>Cancelled. {text}</source>
        <translation>Anulowano. {text}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksportowanie…</translation>
    </message>
    <message>
        <source>Exported {count} FA(3) XML file(s) to {folder}.</source>
        <translation>Wyeksportowano pliki XML FA(3) ({count}) do folderu {folder}.</translation>
    </message>
    <message>
        <source>Automatic retries are paused: the web service cannot be reached. They resume by themselves when it answers again.</source>
        <translation>Automatyczne ponawianie jest wstrzymane: brak połączenia z usługą sieciową. Wznowi się samo, gdy usługa znów odpowie.</translation>
    </message>
    <message>
        <source>· next check of the web service at {when}</source>
        <translation>· następne sprawdzenie usługi sieciowej o {when}</translation>
    </message>
    <message>
        <source>· next automatic retry at {when}</source>
        <translation>· następna automatyczna próba o {when}</translation>
    </message>
    <message>
        <source>Automatic retry failed: {error}</source>
        <translation>Automatyczne ponowienie nie powiodło się: {error}</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <source>&amp;NIP:</source>
        <translation>&amp;NIP:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;zwa:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>Address, line &amp;2:</source>
        <translation>Adres, wiersz &amp;2:</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>&amp;Kraj:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
</context>
<context>
    <name>CustomerListWindow</name>
    <message>
        <source>Choose the buyer</source>
        <translation>Wybierz nabywcę</translation>
    </message>
    <message>
        <source>CUSTOMERS</source>
        <translation>KONTRAHENCI</translation>
    </message>
    <message>
        <source>Search by name or NIP (Ctrl+F)</source>
        <translation>Szukaj po nazwie lub NIP (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Szukaj kontrahentów</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kontrahenci</translation>
    </message>
    <message>
        <source>&amp;New [Ins]</source>
        <translation>&amp;Nowy [Ins]</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Zapisz (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Delete [Del]</source>
        <translation>&amp;Usuń [Del]</translation>
    </message>
    <message>
        <source>&amp;Choose [Enter]</source>
        <translation>&amp;Wybierz [Enter]</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Odrzucić zmiany?</translation>
    </message>
    <message>
        <source>The customer has unsaved changes. Discard them?</source>
        <translation>Dane kontrahenta mają niezapisane zmiany. Odrzucić je?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <source>Delete the customer?</source>
        <translation>Usunąć kontrahenta?</translation>
    </message>
    <message>
        <source>Delete {name} from the customer list? Documents already issued keep their buyer.</source>
        <translation>Usunąć {name} z listy kontrahentów? Wystawione już dokumenty zachowają swojego nabywcę.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>The customer has unsaved changes. Close and discard them?</source>
        <translation>Dane kontrahenta mają niezapisane zmiany. Zamknąć i je odrzucić?</translation>
    </message>
</context>
<context>
    <name>CustomerModel</name>
    <message>
        <source>NIP</source>
        <extracomment>Column headers: English sources marked for lupdate, translated in headerData.</extracomment>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nazwa</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Kraj</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>— choose —</source>
        <translation>— wybierz —</translation>
    </message>
    <message>
        <source>&amp;Due date</source>
        <translation>&amp;Termin płatności</translation>
    </message>
    <message>
        <source>needed for a bank transfer</source>
        <translation>wymagany przy przelewie</translation>
    </message>
    <message>
        <source>Payment &amp;method</source>
        <translation>&amp;Forma płatności</translation>
    </message>
    <message>
        <source>Bank &amp;account</source>
        <translation>Rachunek &amp;bankowy</translation>
    </message>
    <message>
        <source>Co&amp;pies</source>
        <translation>Liczba &amp;egzemplarzy</translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation>&amp;Wydruk na</translation>
    </message>
    <message>
        <source>Original or cop&amp;y</source>
        <translation>Oryginał czy &amp;kopia</translation>
    </message>
    <message>
        <source>Printout &amp;language</source>
        <translation>&amp;Język wydruku</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Element details</source>
        <translation>Szczegóły elementu</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Opis:</translation>
    </message>
    <message>
        <source>Technical name:</source>
        <translation>Nazwa techniczna:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Ścieżka:</translation>
    </message>
    <message>
        <source>XSD type:</source>
        <translation>Typ XSD:</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Wiersz:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wartość:</translation>
    </message>
    <message>
        <source>Attributes:</source>
        <translation>Atrybuty:</translation>
    </message>
    <message>
        <source>Documentation:</source>
        <translation>Dokumentacja:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problemy:</translation>
    </message>
    <message>
        <source>Not an element of the FA(3) schema at this place.</source>
        <translation>W tym miejscu nie jest to element schematu FA(3).</translation>
    </message>
    <message>
        <source>(no documentation in the schema)</source>
        <translation>(brak opisu w schemacie)</translation>
    </message>
    <message>
        <source>KSeF: {message}</source>
        <translation>KSeF: {message}</translation>
    </message>
    <message>
        <source>(anonymous type)</source>
        <translation>(typ anonimowy)</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Asking the web service for the UPO…</source>
        <extracomment>(number, FA(3) XML, KSeF&apos;s rejection messages) of one document.</extracomment>
        <translation>Pobieranie UPO z usługi sieciowej…</translation>
    </message>
    <message>
        <source>KSeF accepted {number}; its UPO is shown.</source>
        <translation>KSeF przyjął {number}; wyświetlono jego UPO.</translation>
    </message>
    <message>
        <source>Reopen for editing?</source>
        <translation>Otworzyć ponownie do edycji?</translation>
    </message>
    <message>
        <source>{number} leaves the awaiting documents and goes back to the register for correction. After correcting it, approve and send it again.

Reopen it?</source>
        <translation>{number} zostanie usunięty z dokumentów oczekujących i wróci do rejestru do poprawienia. Po poprawieniu zatwierdź go i wyślij ponownie.

Otworzyć go ponownie?</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Otwórz ponownie</translation>
    </message>
    <message>
        <source>{number} is open for editing again.</source>
        <translation>{number} jest ponownie otwarty do edycji.</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Sales document</source>
        <translation>Dokument sprzedaży</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Nabywca</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Płatność</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Pozycje</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korekta</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Zapisz (Ctrl+S)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y)</source>
        <translation>Ponów (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Sales document {number}</source>
        <translation>Dokument sprzedaży {number}</translation>
    </message>
    <message>
        <source>Read-only: KSeF rejected this document ({reason}). Reopen it from the register to correct it.</source>
        <translation>Tylko do odczytu: KSeF odrzucił ten dokument ({reason}). Aby go poprawić, otwórz go ponownie z rejestru.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>nie podano przyczyny</translation>
    </message>
    <message>
        <source>Read-only: this document is {status}. Its number is fixed and its content locked; an accepted invoice changes only through a correction document.</source>
        <translation>Tylko do odczytu: ten dokument ma status: {status}. Jego numer jest ustalony, a treść zablokowana; przyjętą fakturę zmienia się wyłącznie dokumentem korygującym.</translation>
    </message>
    <message>
        <source>The document could not be opened.</source>
        <translation>Nie udało się otworzyć dokumentu.</translation>
    </message>
    <message>
        <source>Line {n}: {message}</source>
        <translation>Pozycja {n}: {message}</translation>
    </message>
    <message>
        <source>Buyer taken from the customer list: {name}</source>
        <translation>Nabywcę pobrano z listy kontrahentów: {name}</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Zamknij (Esc)</translation>
    </message>
    <message>
        <source>Add &amp;line (Ins)</source>
        <translation>&amp;Dodaj pozycję (Ins)</translation>
    </message>
    <message>
        <source>Remo&amp;ve line (Del)</source>
        <translation>&amp;Usuń pozycję (Del)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Cofnij (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Line {n}: {message} (lines with errors are left out of the totals)</source>
        <translation>Pozycja {n}: {message} (pozycje z błędami nie są wliczane do sum)</translation>
    </message>
    <message>
        <source>Correcting {number}: change the lines to their right values.</source>
        <translation>Korekta {number}: zmień pozycje na właściwe wartości.</translation>
    </message>
    <message>
        <source>The document has not loaded yet.</source>
        <translation>Dokument nie został jeszcze wczytany.</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>Dodaj co najmniej jedną pozycję.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Zapisywanie…</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Nie zapisano: {message}</translation>
    </message>
    <message>
        <source>Saved as a draft.</source>
        <translation>Zapisano jako wersję roboczą.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nie zapisano.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Odrzucić zmiany?</translation>
    </message>
    <message>
        <source>The document has unsaved changes. Close and discard them?</source>
        <translation>Dokument ma niezapisane zmiany. Zamknąć i je odrzucić?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Odrzuć</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status</source>
        <extracomment>The date shown as &quot;any&quot; (QDateEdit has no empty value).</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Dowolny status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Przyczyna</translation>
    </message>
    <message>
        <source>Any reason</source>
        <translation>Dowolna przyczyna</translation>
    </message>
    <message>
        <source>Not delivered (retried automatically)</source>
        <translation>Niedostarczone (ponawiane automatycznie)</translation>
    </message>
    <message>
        <source>Waiting for KSeF</source>
        <translation>Czekające na KSeF</translation>
    </message>
    <message>
        <source>Refused: correct the document</source>
        <translation>Odrzucone: popraw dokument</translation>
    </message>
    <message>
        <source>Setup: key or configuration</source>
        <translation>Konfiguracja: klucz lub ustawienia</translation>
    </message>
    <message>
        <source>Issued from</source>
        <translation>Wystawione od</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Wystawione do</translation>
    </message>
    <message>
        <source>Buyer name or NIP</source>
        <translation>Nazwa lub NIP nabywcy</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Nabywca</translation>
    </message>
    <message>
        <source>Search number, buyer, reason… (Ctrl+F)</source>
        <translation>Szukaj numeru, nabywcy, przyczyny… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Szukaj</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Wyczyść</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Przyczyna:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Od:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Do:</translation>
    </message>
    <message>
        <source>&amp;Buyer:</source>
        <translation>&amp;Nabywca:</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>Sz&amp;ukaj:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>dowolny</translation>
    </message>
    <message>
        <source>Search number, buyer, NIP or KSeF number (Ctrl+F)</source>
        <extracomment>Everything KSeF has not (yet) accepted: the work still to do.</extracomment>
        <translation>Szukaj numeru, nabywcy, NIP lub numeru KSeF (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Przeszukaj rejestr</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Rejestr</translation>
    </message>
    <message>
        <source>Invoices and receipts</source>
        <translation>Faktury i paragony</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Faktury</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Paragony</translation>
    </message>
    <message>
        <source>Not yet accepted by KSeF</source>
        <translation>Jeszcze nie przyjęte przez KSeF</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Okres</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Wszystkie daty</translation>
    </message>
    <message>
        <source>From – to…</source>
        <translation>Od – do…</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Data od</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Data do</translation>
    </message>
    <message>
        <source>&amp;Register:</source>
        <translation>&amp;Rejestr:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Okres:</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Help — keyboard shortcuts</source>
        <translation>Pomoc — skróty klawiaturowe</translation>
    </message>
    <message>
        <source>ksef-desktop is used from the keyboard like cairo.ERP: menus open with Alt and the underlined letter, Tab moves between fields, Enter confirms.</source>
        <translation>ksef-desktop obsługuje się z klawiatury jak cairo.ERP: menu otwiera Alt z podkreśloną literą, Tab przechodzi między polami, Enter zatwierdza.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Klawisz</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Gdzie</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Czynność</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Import results</source>
        <translation>Wyniki importu</translation>
    </message>
    <message>
        <source>Import results per file</source>
        <translation>Wyniki importu dla każdego pliku</translation>
    </message>
    <message>
        <source>File / field</source>
        <translation>Plik / pole</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Wynik</translation>
    </message>
    <message>
        <source>{files} of {all} files imported: {docs} documents added as drafts.</source>
        <translation>Zaimportowano plików: {files} z {all}; dodano dokumentów jako wersje robocze: {docs}.</translation>
    </message>
    <message>
        <source>{n} files were refused and nothing from them was stored; correct the fields listed below and import them again.</source>
        <translation>Odrzucono pliki ({n}) i nic z nich nie zapisano; popraw wymienione poniżej pola i zaimportuj je ponownie.</translation>
    </message>
    <message>
        <source>Imported: {n} documents</source>
        <translation>Zaimportowano dokumentów: {n}</translation>
    </message>
    <message>
        <source>Imported: 1 document</source>
        <translation>Zaimportowano 1 dokument</translation>
    </message>
    <message>
        <source>Refused: {n} errors</source>
        <translation>Odrzucono; błędy: {n}</translation>
    </message>
    <message>
        <source>Refused: 1 error</source>
        <translation>Odrzucono; 1 błąd</translation>
    </message>
    <message>
        <source>(whole file)</source>
        <translation>(cały plik)</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>Język &amp;interfejsu:</translation>
    </message>
    <message>
        <source>&amp;Printout language:</source>
        <translation>Język &amp;wydruku:</translation>
    </message>
    <message>
        <source>The interface language takes effect the next time the program starts. New printouts use the printout language; the print wizard lets you change it for one printout.</source>
        <translation>Język interfejsu zostanie zastosowany przy następnym uruchomieniu programu. Nowe wydruki używają języka wydruku; w kreatorze drukowania można go zmienić dla pojedynczego wydruku.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ksef-desktop — cairo.ERP KSeF</source>
        <translation>ksef-desktop — cairo.ERP KSeF</translation>
    </message>
    <message>
        <source>&amp;ERP</source>
        <translation>&amp;ERP</translation>
    </message>
    <message>
        <source>&amp;ADMINISTRATION</source>
        <translation>&amp;ADMINISTRACJA</translation>
    </message>
    <message>
        <source>&amp;PARAMETERS</source>
        <translation>&amp;PARAMETRY</translation>
    </message>
    <message>
        <source>&amp;KSEF</source>
        <translation>&amp;KSEF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Zakończ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Skróty klawiaturowe</translation>
    </message>
    <message>
        <source>Check the &amp;web service again</source>
        <translation>Sprawdź ponownie &amp;usługę sieciową</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Nawigacja</translation>
    </message>
    <message>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <source>ADMINISTRATION</source>
        <translation>ADMINISTRACJA</translation>
    </message>
    <message>
        <source>PARAMETERS</source>
        <translation>PARAMETRY</translation>
    </message>
    <message>
        <source>KSEF</source>
        <translation>KSEF</translation>
    </message>
    <message>
        <source>&amp;SALES</source>
        <translation>&amp;SPRZEDAŻ</translation>
    </message>
    <message>
        <source>&amp;INVOICES / RECEIPTS</source>
        <translation>&amp;FAKTURY / PARAGONY</translation>
    </message>
    <message>
        <source>&amp;CUSTOMERS</source>
        <translation>&amp;KONTRAHENCI</translation>
    </message>
    <message>
        <source>&amp;AWAITING DOCUMENTS</source>
        <translation>&amp;DOKUMENTY OCZEKUJĄCE</translation>
    </message>
    <message>
        <source>&amp;Open an FA(3) file in the structure viewer…</source>
        <translation>&amp;Otwórz plik FA(3) w przeglądarce struktury…</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Język…</translation>
    </message>
    <message>
        <source>SALES</source>
        <translation>SPRZEDAŻ</translation>
    </message>
    <message>
        <source>INVOICES / RECEIPTS</source>
        <translation>FAKTURY / PARAGONY</translation>
    </message>
    <message>
        <source>CUSTOMERS</source>
        <translation>KONTRAHENCI</translation>
    </message>
    <message>
        <source>AWAITING DOCUMENTS</source>
        <translation>DOKUMENTY OCZEKUJĄCE</translation>
    </message>
    <message>
        <source>FA(3) STRUCTURE VIEWER</source>
        <translation>PRZEGLĄDARKA STRUKTURY FA(3)</translation>
    </message>
    <message>
        <source>ERP &gt; ADMINISTRATION &gt; PARAMETERS &gt; KSEF &gt; PARAMETERS</source>
        <translation>ERP &gt; ADMINISTRACJA &gt; PARAMETRY &gt; KSEF &gt; PARAMETRY</translation>
    </message>
    <message>
        <source>HELP</source>
        <translation>POMOC</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiaturowe</translation>
    </message>
    <message>
        <source>KSeF: opening the data store…</source>
        <translation>KSeF: otwieranie bazy danych…</translation>
    </message>
    <message>
        <source>WS: …</source>
        <translation>WS: …</translation>
    </message>
    <message>
        <source>Awaiting documents: …</source>
        <translation>Dokumenty oczekujące: …</translation>
    </message>
    <message>
        <source>Still opening the data store…</source>
        <translation>Nadal trwa otwieranie bazy danych…</translation>
    </message>
    <message>
        <source>Open an FA(3) file</source>
        <translation>Otwórz plik FA(3)</translation>
    </message>
    <message>
        <source>FA(3) XML (*.xml);;All files (*)</source>
        <translation>XML FA(3) (*.xml);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <source>WS: checking…</source>
        <translation>WS: sprawdzanie…</translation>
    </message>
    <message>
        <source>KSeF: ACTIVE</source>
        <translation>KSeF: AKTYWNY</translation>
    </message>
    <message>
        <source>KSeF: inactive</source>
        <translation>KSeF: nieaktywny</translation>
    </message>
    <message>
        <source>Sales documents are issued in &lt;b&gt;ERP &amp;gt; SALES &amp;gt; INVOICES / RECEIPTS&lt;/b&gt; (Ctrl+Shift+F): [Ins] new, [Enter] open, [TAB] print, which validates, approves and sends the document to KSeF first. Documents KSeF has not confirmed wait in &lt;b&gt;ERP &amp;gt; KSEF &amp;gt; AWAITING DOCUMENTS&lt;/b&gt; (Ctrl+Shift+A).</source>
        <translation>Dokumenty sprzedaży wystawia się w &lt;b&gt;ERP &amp;gt; SPRZEDAŻ &amp;gt; FAKTURY / PARAGONY&lt;/b&gt; (Ctrl+Shift+F): [Ins] nowy, [Enter] otwórz, [TAB] drukuj — wydruk najpierw weryfikuje, zatwierdza i wysyła dokument do KSeF. Dokumenty niepotwierdzone przez KSeF czekają w &lt;b&gt;ERP &amp;gt; KSEF &amp;gt; DOKUMENTY OCZEKUJĄCE&lt;/b&gt; (Ctrl+Shift+A).</translation>
    </message>
    <message>
        <source>Awaiting documents: {n}</source>
        <translation>Dokumenty oczekujące: {n}</translation>
    </message>
    <message>
        <source>WS: connected</source>
        <translation>WS: połączono</translation>
    </message>
    <message>
        <source>WS: unreachable</source>
        <translation>WS: nieosiągalny</translation>
    </message>
    <message>
        <source>WS: not configured</source>
        <translation>WS: nie skonfigurowano</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>AKTYWNY</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>nieaktywny</translation>
    </message>
    <message>
        <source>KSeF module</source>
        <translation>Moduł KSeF</translation>
    </message>
    <message>
        <source>cairo.KSEF WS</source>
        <translation>cairo.KSEF WS</translation>
    </message>
    <message>
        <source>Awaiting documents</source>
        <translation>Dokumenty oczekujące</translation>
    </message>
    <message>
        <source>KSeF</source>
        <translation>KSeF</translation>
    </message>
    <message>
        <source>Open &lt;b&gt;ERP &amp;gt; ADMINISTRATION &amp;gt; PARAMETERS &amp;gt; KSEF &amp;gt; PARAMETERS&lt;/b&gt; (Ctrl+Shift+P) to set the web-service address, generate the authorization code and test the connection. F1 lists every keyboard shortcut.</source>
        <translation>Otwórz &lt;b&gt;ERP &amp;gt; ADMINISTRACJA &amp;gt; PARAMETRY &amp;gt; KSEF &amp;gt; PARAMETRY&lt;/b&gt; (Ctrl+Shift+P), aby ustawić adres usługi sieciowej, wygenerować kod autoryzacyjny i przetestować połączenie. F1 wyświetla wszystkie skróty klawiaturowe.</translation>
    </message>
</context>
<context>
    <name>OutputChooser</name>
    <message>
        <source>Printer</source>
        <translation>Drukarka</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Plik PDF</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Przeglądaj…</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>Zapisz plik PDF jako</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pliki PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ParametersWindow</name>
    <message>
        <source>KSEF &gt; PARAMETERS</source>
        <translation>KSEF &gt; PARAMETRY</translation>
    </message>
    <message>
        <source>PARAMETERS</source>
        <translation>PARAMETRY</translation>
    </message>
    <message>
        <source>AUTHORIZATION CODE</source>
        <translation>KOD AUTORYZACYJNY</translation>
    </message>
    <message>
        <source>not generated yet</source>
        <translation>jeszcze nie wygenerowano</translation>
    </message>
    <message>
        <source>Authorization code</source>
        <translation>Kod autoryzacyjny</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiuj</translation>
    </message>
    <message>
        <source>Copy the code for the web-service operator</source>
        <translation>Skopiuj kod dla operatora usługi sieciowej</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Kod:</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>Identyfikator klucza:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Utworzono:</translation>
    </message>
    <message>
        <source>Bound to NIP:</source>
        <translation>Powiązany z NIP:</translation>
    </message>
    <message>
        <source>Private key kept in:</source>
        <translation>Klucz prywatny przechowywany w:</translation>
    </message>
    <message>
        <source>&amp;GENERATE</source>
        <translation>&amp;GENERUJ</translation>
    </message>
    <message>
        <source>Create a new key pair for the company NIP (Ctrl+G)</source>
        <translation>Utwórz nową parę kluczy dla NIP firmy (Ctrl+G)</translation>
    </message>
    <message>
        <source>CONNECTION TEST</source>
        <translation>TEST POŁĄCZENIA</translation>
    </message>
    <message>
        <source>Run &amp;test (F9)</source>
        <translation>Uruchom &amp;test (F9)</translation>
    </message>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Przerwij oczekiwanie</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>systemowy pęk kluczy</translation>
    </message>
    <message>
        <source>a private file</source>
        <translation>prywatny plik</translation>
    </message>
    <message>
        <source>The code is bound to NIP {old}; the COMPANY NIP is now {new}. Generate a new code for the new NIP.</source>
        <translation>Kod jest powiązany z NIP {old}, a NIP FIRMY to teraz {new}. Wygeneruj nowy kod dla nowego NIP.</translation>
    </message>
    <message>
        <source>Enter the COMPANY NIP first: the authorization code is bound to it.</source>
        <translation>Najpierw wpisz NIP FIRMY: kod autoryzacyjny jest z nim powiązany.</translation>
    </message>
    <message>
        <source>Replace the authorization code?</source>
        <translation>Zastąpić kod autoryzacyjny?</translation>
    </message>
    <message>
        <source>The web service knows the current code (key {key_id}). After generating a new one the current code stops working at once, until the operator registers the new code.

Generate a new authorization code?</source>
        <translation>Usługa sieciowa zna obecny kod (klucz {key_id}). Po wygenerowaniu nowego obecny kod natychmiast przestanie działać, aż operator zarejestruje nowy kod.

Wygenerować nowy kod autoryzacyjny?</translation>
    </message>
    <message>
        <source>Generate new code</source>
        <translation>Wygeneruj nowy kod</translation>
    </message>
    <message>
        <source>New code generated. Copy it and give it to the web-service operator.</source>
        <translation>Wygenerowano nowy kod. Skopiuj go i przekaż operatorowi usługi sieciowej.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Skopiowano do schowka.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Uruchamianie…</translation>
    </message>
    <message>
        <source>Connection test cancelled; its answer will be ignored.</source>
        <translation>Test połączenia anulowano; jego wynik zostanie pominięty.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Odrzucić zmiany?</translation>
    </message>
    <message>
        <source>The KSeF parameters have unsaved changes. Close and discard them?</source>
        <translation>Parametry KSeF mają niezapisane zmiany. Zamknąć i je odrzucić?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Odrzuć</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>Printout preview</source>
        <translation>Podgląd wydruku</translation>
    </message>
    <message>
        <source>O&amp;utput</source>
        <translation>&amp;Wydruk na</translation>
    </message>
    <message>
        <source>Original or cop&amp;y</source>
        <translation>Oryginał czy &amp;kopia</translation>
    </message>
    <message>
        <source>Printout &amp;language</source>
        <translation>&amp;Język wydruku</translation>
    </message>
</context>
<context>
    <name>PrintWizardDialog</name>
    <message>
        <source>Print — validate, approve, send, print</source>
        <extracomment>Asks for a printer without blocking; calls back with the chosen printer. Tests replace it.</extracomment>
        <translation>Drukuj — weryfikacja, zatwierdzenie, wysyłka, wydruk</translation>
    </message>
    <message>
        <source>Opening the document</source>
        <translation>Otwieranie dokumentu</translation>
    </message>
    <message>
        <source>Wizard steps</source>
        <translation>Kroki kreatora</translation>
    </message>
    <message>
        <source>Opening the document…</source>
        <translation>Otwieranie dokumentu…</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Wstecz</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Dalej &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>The document is still being opened.</source>
        <translation>Dokument jest jeszcze otwierany.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Za&amp;mknij</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Zatwierdź</translation>
    </message>
    <message>
        <source>&amp;Send to KSeF</source>
        <translation>&amp;Wyślij do KSeF</translation>
    </message>
    <message>
        <source>&amp;Save PDF</source>
        <translation>Zapisz &amp;PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drukuj…</translation>
    </message>
    <message>
        <source>Checking the document for KSeF</source>
        <translation>Sprawdzanie dokumentu pod kątem KSeF</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Trwa praca</translation>
    </message>
    <message>
        <source>Going back</source>
        <translation>Powrót</translation>
    </message>
    <message>
        <source>“{label}” is corrected in the document editor. Correct it there, then click Check again.</source>
        <translation>„{label}” poprawia się w edytorze dokumentu. Popraw to tam, a następnie kliknij Sprawdź ponownie.</translation>
    </message>
    <message>
        <source>This problem concerns the document as a whole: {m}</source>
        <translation>Ten problem dotyczy całego dokumentu: {m}</translation>
    </message>
    <message>
        <source>Reading the document</source>
        <translation>Odczyt dokumentu</translation>
    </message>
    <message>
        <source>Sending to KSeF</source>
        <translation>Wysyłanie do KSeF</translation>
    </message>
    <message>
        <source>Saving the PDF</source>
        <translation>Zapisywanie pliku PDF</translation>
    </message>
    <message>
        <source>Recording the print</source>
        <translation>Rejestrowanie wydruku</translation>
    </message>
    <message>
        <source>The PDF was saved to {path}.</source>
        <translation>Plik PDF zapisano w {path}.</translation>
    </message>
    <message>
        <source>The document was sent to the printer.</source>
        <translation>Dokument wysłano do drukarki.</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <source>Problems</source>
        <extracomment>Enough for any real document; a file with more problems is no invoice at all.</extracomment>
        <translation>Problemy</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Rodzaj</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Komunikat</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>(the whole file)</source>
        <translation>(cały plik)</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… i jeszcze {count}</translation>
    </message>
</context>
<context>
    <name>ProblemsPage</name>
    <message>
        <source>KSeF validation problems</source>
        <translation>Problemy weryfikacji KSeF</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Waga</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Pole</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Sprawdź &amp;ponownie</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Błąd</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Ostrzeżenie</translation>
    </message>
    <message>
        <source>Press Enter or double-click a problem to go to the field that fixes it.</source>
        <translation>Naciśnij Enter lub kliknij dwukrotnie problem, aby przejść do pola, które go usuwa.</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Number</source>
        <extracomment>(header, sort key) per column, in display order. The headers are English sources marked for lupdate (typed as object) and translated in headerData, after the catalog is installed.</extracomment>
        <translation>Numer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Nabywca</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>KSeF number</source>
        <translation>Numer KSeF</translation>
    </message>
    <message>
        <source>The number is assigned at approval.</source>
        <translation>Numer zostanie nadany przy zatwierdzeniu.</translation>
    </message>
</context>
<context>
    <name>RegisterTable</name>
    <message>
        <source>Sales documents</source>
        <translation>Dokumenty sprzedaży</translation>
    </message>
</context>
<context>
    <name>RegisterWindow</name>
    <message>
        <source>ERP &gt; SALES &gt; INVOICES / RECEIPTS</source>
        <translation>ERP &gt; SPRZEDAŻ &gt; FAKTURY / PARAGONY</translation>
    </message>
    <message>
        <source>&amp;New [Ins]</source>
        <translation>&amp;Nowy [Ins]</translation>
    </message>
    <message>
        <source>&amp;Open [Enter]</source>
        <translation>&amp;Otwórz [Enter]</translation>
    </message>
    <message>
        <source>&amp;Delete [Del]</source>
        <translation>&amp;Usuń [Del]</translation>
    </message>
    <message>
        <source>&amp;Print [TAB]</source>
        <translation>&amp;Drukuj [TAB]</translation>
    </message>
    <message>
        <source>&amp;Import JSON… (Ctrl+I)</source>
        <translation>&amp;Importuj JSON… (Ctrl+I)</translation>
    </message>
    <message>
        <source>R&amp;eopen (Ctrl+E)</source>
        <translation>Otwórz &amp;ponownie (Ctrl+E)</translation>
    </message>
    <message>
        <source>A document KSeF rejected becomes a draft again, to correct (number kept)</source>
        <translation>Dokument odrzucony przez KSeF znów staje się wersją roboczą do poprawienia (numer zostaje zachowany)</translation>
    </message>
    <message>
        <source>A new draft in the chosen register</source>
        <translation>Nowa wersja robocza w wybranym rejestrze</translation>
    </message>
    <message>
        <source>Only drafts can be deleted</source>
        <translation>Usunąć można tylko wersje robocze</translation>
    </message>
    <message>
        <source>Print-approval wizard: validate, approve, send to KSeF, print</source>
        <translation>Kreator zatwierdzenia wydruku: weryfikacja, zatwierdzenie, wysyłka do KSeF, wydruk</translation>
    </message>
    <message>
        <source>Add documents from JSON files in the ERP document schema</source>
        <translation>Dodaj dokumenty z plików JSON zgodnych ze schematem dokumentu ERP</translation>
    </message>
    <message>
        <source>The register could not be read.</source>
        <translation>Nie udało się odczytać rejestru.</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>dokumenty: {n}</translation>
    </message>
    <message>
        <source>({shown} loaded; scroll for more)</source>
        <translation>(wczytano {shown}; przewiń, aby zobaczyć więcej)</translation>
    </message>
    <message>
        <source>the draft for {buyer}</source>
        <translation>wersja robocza dla {buyer}</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Nie można usunąć</translation>
    </message>
    <message>
        <source>Delete the draft?</source>
        <translation>Usunąć wersję roboczą?</translation>
    </message>
    <message>
        <source>Delete {name} ({gross} {currency})? This cannot be undone.</source>
        <translation>Usunąć {name} ({gross} {currency})? Tej operacji nie można cofnąć.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>{name} is {status}: only a draft can be deleted.</source>
        <translation>{name} ma status: {status}; usunąć można tylko wersję roboczą.</translation>
    </message>
    <message>
        <source>Reopen it for editing and correct it instead.</source>
        <translation>Zamiast tego otwórz go ponownie do edycji i popraw.</translation>
    </message>
    <message>
        <source>It has gone to KSeF; a correction document is the way to change it.</source>
        <translation>Trafił już do KSeF; zmienić go można tylko dokumentem korygującym.</translation>
    </message>
    <message>
        <source>Its number is assigned; finish it with the print wizard.</source>
        <translation>Ma już nadany numer; dokończ go w kreatorze wydruku.</translation>
    </message>
    <message>
        <source>Draft deleted.</source>
        <translation>Usunięto wersję roboczą.</translation>
    </message>
    <message>
        <source>Reopen for editing?</source>
        <translation>Otworzyć ponownie do edycji?</translation>
    </message>
    <message>
        <source>KSeF rejected {number}: {reason}

Reopen it as a draft to correct it? It keeps its number; the print wizard sends it again.</source>
        <translation>KSeF odrzucił {number}: {reason}

Otworzyć go ponownie jako wersję roboczą do poprawienia? Zachowa swój numer; kreator wydruku wyśle go ponownie.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Otwórz ponownie</translation>
    </message>
    <message>
        <source>Reopened as a draft.</source>
        <translation>Ponownie otwarto jako wersję roboczą.</translation>
    </message>
    <message>
        <source>Importing {n} files…</source>
        <translation>Importowanie plików ({n})…</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>S&amp;top waiting</source>
        <translation>&amp;Przerwij oczekiwanie</translation>
    </message>
    <message>
        <source>Sending to KSeF through the web service…</source>
        <translation>Wysyłanie do KSeF przez usługę sieciową…</translation>
    </message>
    <message>
        <source>Click Send to send the document to KSeF.</source>
        <translation>Kliknij Wyślij, aby wysłać dokument do KSeF.</translation>
    </message>
    <message>
        <source>KSeF number: {n}</source>
        <translation>Numer KSeF: {n}</translation>
    </message>
    <message>
        <source>Reason: {r}</source>
        <translation>Przyczyna: {r}</translation>
    </message>
    <message>
        <source>KSeF accepted the document.</source>
        <translation>KSeF przyjął dokument.</translation>
    </message>
    <message>
        <source>The document was NOT sent to KSeF: it is in AWAITING DOCUMENTS and will be sent again. You can print it now, marked OFFLINE.</source>
        <translation>Dokument NIE został wysłany do KSeF: jest w DOKUMENTACH OCZEKUJĄCYCH i zostanie wysłany ponownie. Możesz go teraz wydrukować z oznaczeniem OFFLINE.</translation>
    </message>
    <message>
        <source>KSeF REJECTED the document. It cannot be printed.</source>
        <translation>KSeF ODRZUCIŁ dokument. Nie można go wydrukować.</translation>
    </message>
    <message>
        <source>Handed to the web service for a batch session; the KSeF number follows with the session&apos;s UPO.</source>
        <translation>Przekazano do usługi sieciowej w sesji wsadowej; numer KSeF pojawi się wraz z UPO sesji.</translation>
    </message>
    <message>
        <source>Handed to the web service; KSeF has not answered yet.</source>
        <translation>Przekazano do usługi sieciowej; KSeF jeszcze nie odpowiedział.</translation>
    </message>
</context>
<context>
    <name>StructureWindow</name>
    <message>
        <source>FA(3) structure</source>
        <extracomment>The viewer&apos;s own keys (listed for the lead&apos;s shortcut table and the F1 help).</extracomment>
        <translation>Struktura FA(3)</translation>
    </message>
    <message>
        <source>Find an element by name, label or value (Ctrl+F)</source>
        <translation>Znajdź element po nazwie, opisie lub wartości (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Znajdź</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Poprzedni</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Poprzednie trafienie (Shift+F3)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Następny</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Następne trafienie (F3)</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>Kopiuj ści&amp;eżkę</translation>
    </message>
    <message>
        <source>Copy the selected element&apos;s path (Ctrl+Shift+C)</source>
        <translation>Kopiuj ścieżkę zaznaczonego elementu (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Otwieranie…</translation>
    </message>
    <message>
        <source>This file cannot be shown</source>
        <translation>Nie można wyświetlić tego pliku</translation>
    </message>
    <message>
        <source>FA(3) elements</source>
        <translation>Elementy FA(3)</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Kopiuj ścieżkę</translation>
    </message>
    <message>
        <source>&amp;Structure</source>
        <translation>&amp;Struktura</translation>
    </message>
    <message>
        <source>&amp;Raw XML</source>
        <translation>Surowy &amp;XML</translation>
    </message>
    <message>
        <source>FA(3) structure — {title}</source>
        <translation>Struktura FA(3) — {title}</translation>
    </message>
    <message>
        <source>Opening {title}…</source>
        <translation>Otwieranie {title}…</translation>
    </message>
    <message>
        <source>Problems: {errors} errors or KSeF messages, {warnings} warnings</source>
        <translation>Problemy: błędy lub komunikaty KSeF: {errors}, ostrzeżenia: {warnings}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Nie znaleziono problemów.</translation>
    </message>
    <message>
        <source>{count:,} elements, {size:,} bytes</source>
        <translation>elementy: {count:,}, bajty: {size:,}</translation>
    </message>
    <message>
        <source>An unexpected error stopped the viewer.</source>
        <translation>Nieoczekiwany błąd zatrzymał przeglądarkę.</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Brak trafień</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} z {total}</translation>
    </message>
    <message>
        <source>Copied {path}</source>
        <translation>Skopiowano {path}</translation>
    </message>
</context>
<context>
    <name>UpoDialog</name>
    <message>
        <source>UPO of {number}</source>
        <translation>UPO dokumentu {number}</translation>
    </message>
    <message>
        <source>UPO XML</source>
        <translation>XML UPO</translation>
    </message>
</context>
<context>
    <name>XmlView</name>
    <message>
        <source>Raw XML</source>
        <extracomment>One pass over a line finds every token; the group name picks the colour.</extracomment>
        <translation>Surowy XML</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Keyboard shortcuts (this window)</source>
        <translation>Skróty klawiaturowe (to okno)</translation>
    </message>
    <message>
        <source>ERP &gt; ADMINISTRATION &gt; PARAMETERS &gt; KSEF &gt; PARAMETERS</source>
        <translation>ERP &gt; ADMINISTRACJA &gt; PARAMETRY &gt; KSEF &gt; PARAMETRY</translation>
    </message>
    <message>
        <source>ERP &gt; SALES &gt; INVOICES / RECEIPTS</source>
        <translation>ERP &gt; SPRZEDAŻ &gt; FAKTURY / PARAGONY</translation>
    </message>
    <message>
        <source>ERP &gt; SALES &gt; CUSTOMERS</source>
        <translation>ERP &gt; SPRZEDAŻ &gt; KONTRAHENCI</translation>
    </message>
    <message>
        <source>ERP &gt; KSEF &gt; AWAITING DOCUMENTS</source>
        <translation>ERP &gt; KSEF &gt; DOKUMENTY OCZEKUJĄCE</translation>
    </message>
    <message>
        <source>Open an FA(3) XML file in the structure viewer</source>
        <translation>Otwórz plik XML FA(3) w podglądzie struktury</translation>
    </message>
    <message>
        <source>Check the web-service connection again</source>
        <translation>Sprawdź ponownie połączenie z usługą sieciową</translation>
    </message>
    <message>
        <source>Move to the navigation tree (arrows move, Enter opens)</source>
        <translation>Przejdź do drzewa nawigacji (strzałki przesuwają, Enter otwiera)</translation>
    </message>
    <message>
        <source>Language of the interface and printouts</source>
        <translation>Język interfejsu i wydruków</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Zakończ</translation>
    </message>
    <message>
        <source>GENERATE the authorization code</source>
        <translation>GENERUJ kod autoryzacyjny</translation>
    </message>
    <message>
        <source>Copy the authorization code to the clipboard</source>
        <translation>Kopiuj kod autoryzacyjny do schowka</translation>
    </message>
    <message>
        <source>Run the CONNECTION TEST</source>
        <translation>Uruchom TEST POŁĄCZENIA</translation>
    </message>
    <message>
        <source>Stop waiting for the connection test</source>
        <translation>Przestań czekać na test połączenia</translation>
    </message>
    <message>
        <source>Apply (save without closing)</source>
        <translation>Zastosuj (zapisz bez zamykania)</translation>
    </message>
    <message>
        <source>OK (save and close)</source>
        <translation>OK (zapisz i zamknij)</translation>
    </message>
    <message>
        <source>Cancel (asks before discarding unsaved changes)</source>
        <translation>Anuluj (pyta przed odrzuceniem niezapisanych zmian)</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Nowy dokument</translation>
    </message>
    <message>
        <source>Open the selected document</source>
        <translation>Otwórz wybrany dokument</translation>
    </message>
    <message>
        <source>Delete the selected draft</source>
        <translation>Usuń wybraną wersję roboczą</translation>
    </message>
    <message>
        <source>Print wizard for the selected document (in the list)</source>
        <translation>Kreator wydruku wybranego dokumentu (na liście)</translation>
    </message>
    <message>
        <source>Import documents from JSON</source>
        <translation>Importuj dokumenty z JSON</translation>
    </message>
    <message>
        <source>Read the list again</source>
        <translation>Odczytaj listę ponownie</translation>
    </message>
    <message>
        <source>Move to the search field</source>
        <translation>Przejdź do pola wyszukiwania</translation>
    </message>
    <message>
        <source>Reopen a rejected document for editing</source>
        <translation>Otwórz odrzucony dokument ponownie do edycji</translation>
    </message>
    <message>
        <source>Clear the search being typed, otherwise close the window</source>
        <translation>Wyczyść wpisywane wyszukiwanie albo zamknij okno</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nowy kontrahent</translation>
    </message>
    <message>
        <source>Save the customer</source>
        <translation>Zapisz kontrahenta</translation>
    </message>
    <message>
        <source>Choose the customer (when picking a buyer), otherwise edit it</source>
        <translation>Wybierz kontrahenta (przy wyborze nabywcy) albo go edytuj</translation>
    </message>
    <message>
        <source>Delete the selected customer</source>
        <translation>Usuń wybranego kontrahenta</translation>
    </message>
    <message>
        <source>Close (or cancel picking)</source>
        <translation>Zamknij (lub anuluj wybór)</translation>
    </message>
    <message>
        <source>Save the draft</source>
        <translation>Zapisz wersję roboczą</translation>
    </message>
    <message>
        <source>Pick the buyer from CUSTOMERS</source>
        <translation>Wybierz nabywcę z KONTRAHENTÓW</translation>
    </message>
    <message>
        <source>Undo a change to the lines</source>
        <translation>Cofnij zmianę pozycji</translation>
    </message>
    <message>
        <source>Redo a change to the lines</source>
        <translation>Ponów zmianę pozycji</translation>
    </message>
    <message>
        <source>Add a line (in the lines table)</source>
        <translation>Dodaj pozycję (w tabeli pozycji)</translation>
    </message>
    <message>
        <source>Remove the line (in the lines table)</source>
        <translation>Usuń pozycję (w tabeli pozycji)</translation>
    </message>
    <message>
        <source>Move the line up</source>
        <translation>Przesuń pozycję w górę</translation>
    </message>
    <message>
        <source>Move the line down</source>
        <translation>Przesuń pozycję w dół</translation>
    </message>
    <message>
        <source>Edit the cell (in the lines table)</source>
        <translation>Edytuj komórkę (w tabeli pozycji)</translation>
    </message>
    <message>
        <source>Close (asks before discarding unsaved changes)</source>
        <translation>Zamknij (pyta przed odrzuceniem niezapisanych zmian)</translation>
    </message>
    <message>
        <source>Next step (the highlighted button; Alt + underlined letter)</source>
        <translation>Następny krok (wyróżniony przycisk; Alt + podkreślona litera)</translation>
    </message>
    <message>
        <source>Cancel (or stop waiting for KSeF)</source>
        <translation>Anuluj (lub przestań czekać na KSeF)</translation>
    </message>
    <message>
        <source>Resend the selected documents</source>
        <translation>Wyślij ponownie wybrane dokumenty</translation>
    </message>
    <message>
        <source>Resend every document that matches the filter</source>
        <translation>Wyślij ponownie wszystkie dokumenty spełniające filtr</translation>
    </message>
    <message>
        <source>Show the FA(3) structure</source>
        <translation>Pokaż strukturę FA(3)</translation>
    </message>
    <message>
        <source>Show the UPO</source>
        <translation>Pokaż UPO</translation>
    </message>
    <message>
        <source>Export the FA(3) XML</source>
        <translation>Eksportuj XML FA(3)</translation>
    </message>
    <message>
        <source>Cancel the running operation</source>
        <translation>Anuluj trwającą operację</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Znajdź</translation>
    </message>
    <message>
        <source>Find the next match</source>
        <translation>Znajdź następne wystąpienie</translation>
    </message>
    <message>
        <source>Find the previous match</source>
        <translation>Znajdź poprzednie wystąpienie</translation>
    </message>
    <message>
        <source>Copy the path of the selected element</source>
        <translation>Kopiuj ścieżkę wybranego elementu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zamknij</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Okno główne</translation>
    </message>
    <message>
        <source>KSEF &gt; PARAMETERS</source>
        <translation>KSEF &gt; PARAMETRY</translation>
    </message>
    <message>
        <source>CUSTOMERS</source>
        <translation>KONTRAHENCI</translation>
    </message>
    <message>
        <source>Document editor</source>
        <translation>Edytor dokumentu</translation>
    </message>
    <message>
        <source>Print wizard</source>
        <translation>Kreator wydruku</translation>
    </message>
    <message>
        <source>FA(3) structure viewer</source>
        <translation>Podgląd struktury FA(3)</translation>
    </message>
</context>
</TS>
