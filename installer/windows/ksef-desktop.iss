; Inno Setup 6 script: the Windows installer for the one-folder application.
; installer/build.py runs it when iscc is on PATH, as:
;   iscc /DAppVersion=0.1.0 /DBundleDir=dist\ksef-desktop /Odist installer\windows\ksef-desktop.iss
; A per-user install by default (no administrator rights needed); the user may choose
; an all-users install on the first page.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\ksef-desktop"
#endif

[Setup]
AppId={{6F0B6C52-2E3B-4C8E-9D0A-4B1C2A7F5E31}
AppName=ksef-desktop
AppVersion={#AppVersion}
AppVerName=ksef-desktop {#AppVersion}
AppPublisher=ksef-desktop developers
DefaultDirName={autopf}\ksef-desktop
DefaultGroupName=ksef-desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=ksef-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\ksef-desktop.exe
; The installer speaks the user's language: Polish or English.
ShowLanguageDialog=auto

[Languages]
Name: "pl"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
pl.DemoShortcut=ksef-desktop (demo z lokalnym symulatorem KSeF)
en.DemoShortcut=ksef-desktop (demo with a local KSeF simulator)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ksef-desktop"; Filename: "{app}\ksef-desktop.exe"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\ksef-desktop.exe"; Parameters: "--demo"
Name: "{autodesktop}\ksef-desktop"; Filename: "{app}\ksef-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ksef-desktop.exe"; Description: "{cm:LaunchProgram,ksef-desktop}"; Flags: nowait postinstall skipifsilent

; The user's settings, document store and keys (in %APPDATA% / %LOCALAPPDATA%) are kept
; on uninstall on purpose: they hold issued documents and the company's private key.
