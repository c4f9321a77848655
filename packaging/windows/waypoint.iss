; Inno Setup 6 script: installs the PyInstaller bundle build\dist\waypoint as "Waypoint".
; Build (from the repository root, after the PyInstaller build on Windows):
;   iscc /DAppVersion=0.1.0 packaging\windows\waypoint.iss
; Output: build\installer\Waypoint-<version>-setup.exe
;
; - Start menu entry (and optional desktop icon) for waypointw.exe, the windowed executable.
; - "Open with Waypoint" for case files. Windows matches only the last extension (.json), so
;   Waypoint registers as a handler *offered* for .json (OpenWithProgids) rather than taking
;   over every JSON file; *.waypoint.json files are opened by double-click once the user picks
;   Waypoint under "Open with > Always".
; - waypoint.exe (console) is the command line: `waypoint evaluate CASE.json`; the installer
;   can add the install folder to the user's PATH (a task, off by default).
; - Uninstalling removes the program, its menu entries and registry keys, and leaves the
;   cases, memos and backups in %LOCALAPPDATA%\Waypoint unless the user asks to delete them.
;   (No [UninstallDelete] section: the frozen app writes nothing into {app}; PyInstaller
;   turns off bytecode writing, so Alembic leaves no __pycache__ beside the migrations.)

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Waypoint"
#define AppExe "waypointw.exe"
#define CliExe "waypoint.exe"
#define ProgId "Waypoint.Case.1"
#define SourceDir "..\..\build\dist\waypoint"

[Setup]
AppId={{6C1D7A38-3F0B-4C2E-9E57-0A8E5B7D2F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Waypoint team
AppComments=Decision support for the transit requirements of US asylum law. The officer decides.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\build\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\icons\waypoint.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
ChangesEnvironment=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the waypoint command to PATH (for the command line)"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Transit requirements of US asylum law (decision support)"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The case-file type: "Waypoint case file", opened by the windowed executable.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Waypoint case file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Offer Waypoint in "Open with" for .json without taking JSON files away from other programs.
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; Register the application itself (its name and the types it opens) for "Open with".
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Command line on PATH (per user), when chosen.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataFolderName = 'Waypoint';

function NeedsAddPath(Folder: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

procedure RemoveFromPath(Folder: string);
var
  Current: string;
  Index: Integer;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
    exit;
  Index := Pos(';' + Uppercase(Folder), Uppercase(Current));
  if Index > 0 then
  begin
    Delete(Current, Index, Length(Folder) + 1);
    RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current);
  end;
end;

{ The user's cases, memos, backups and settings (platformdirs: %LOCALAPPDATA%\Waypoint).
  Kept unless the user explicitly asks, with the default button on "No". Silent uninstalls
  (/SILENT, /VERYSILENT) never delete them. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: string;
begin
  if CurUninstallStep = usUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\') + DataFolderName;
  if not DirExists(DataDir) or UninstallSilent then
    exit;
  if MsgBox('Also delete your Waypoint cases, memos, backups and settings?' + #13#10 + #13#10 +
            DataDir + #13#10 + #13#10 +
            'Choose No to keep them (for a later installation or to copy them elsewhere).',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    DelTree(DataDir, True, True, True);
end;
