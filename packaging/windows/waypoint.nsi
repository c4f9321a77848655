; NSIS 3 script: installs the PyInstaller bundle build\dist\waypoint as "Waypoint".
; Build (from the repository root, after the PyInstaller build on Windows):
;   makensis -WX -DAPP_VERSION=0.1.0 packaging\windows\waypoint.nsi
; Output: build\installer\Waypoint-<version>-setup.exe (the folder must exist: makensis makes no folders)
; The same script compiles on Linux (Debian's nsis package): .ci/test compiles it with
; -WX (every warning an error) over a stand-in payload, so it is never shipped uncompiled.
;
; - Per-user install into %LOCALAPPDATA%\Programs\Waypoint; no administrator needed.
; - Start menu entry (and, when chosen, a desktop icon) for waypointw.exe, the windowed app.
; - "Open with Waypoint" for case files. Windows matches only the last extension (.json), so
;   Waypoint is *offered* for .json (OpenWithProgids) and never takes every JSON file over.
; - waypoint.exe (console) is the command line; adding the folder to the user's PATH is a
;   choice, off by default, and removed again on uninstall.
; - Uninstalling removes the program, its menu entries and registry keys, and keeps the
;   cases, memos and backups in %LOCALAPPDATA%\Waypoint unless the user asks ("No" is the
;   default); a silent uninstall never deletes them.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef APP_VERSION
  !define APP_VERSION "0.1.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\..\build\dist\waypoint"
!endif
!ifndef OUTPUT_DIR
  !define OUTPUT_DIR "..\..\build\installer"
!endif
!define APP_NAME "Waypoint"
!define APP_EXE "waypointw.exe"
!define CLI_EXE "waypoint.exe"
!define PROG_ID "Waypoint.Case.1"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Waypoint"
!define ENVIRONMENT_KEY "Environment"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "StrFunc.nsh"
${StrStr}
${UnStrStr}
${UnStrRep}

Name "${APP_NAME} ${APP_VERSION}"
OutFile "${OUTPUT_DIR}\${APP_NAME}-${APP_VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "Software\${APP_NAME}" "InstallDir"
Icon "..\icons\waypoint.ico"
UninstallIcon "..\icons\waypoint.ico"
BrandingText "Decision support for the transit requirements of US asylum law. The officer decides."

!define MUI_ICON "..\icons\waypoint.ico"
!define MUI_UNICON "..\icons\waypoint.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Waypoint (required)" SectionProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\${APP_NAME}" "InstallDir" "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "Transit requirements of US asylum law (decision support)"

  ; The case-file type "Waypoint case file", opened by the windowed executable.
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "Waypoint case file"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  ; Offer Waypoint in "Open with" for .json without taking JSON files from other programs.
  WriteRegStr HKCU "Software\Classes\.json\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\SupportedTypes" ".json" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  ; Apps & features: name, version, icon, uninstaller.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME} ${APP_VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Waypoint team"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section /o "Desktop icon" SectionDesktopIcon
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

Section /o "Add the waypoint command to PATH (for the command line)" SectionPath
  ReadRegStr $0 HKCU "${ENVIRONMENT_KEY}" "Path"
  ${StrStr} $1 ";$0;" ";$INSTDIR;"
  ${If} $1 == ""
    ${If} $0 == ""
      WriteRegExpandStr HKCU "${ENVIRONMENT_KEY}" "Path" "$INSTDIR"
    ${Else}
      WriteRegExpandStr HKCU "${ENVIRONMENT_KEY}" "Path" "$0;$INSTDIR"
    ${EndIf}
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
SectionEnd

Section "Uninstall"
  ; The install folder leaves PATH, if the installer put it there.
  ReadRegStr $0 HKCU "${ENVIRONMENT_KEY}" "Path"
  ${UnStrStr} $1 ";$0;" ";$INSTDIR;"
  ${If} $1 != ""
    ${UnStrRep} $2 ";$0;" ";$INSTDIR;" ";"
    ${UnStrRep} $2 "$2" ";;" ";"
    StrCpy $3 $2 1
    ${If} $3 == ";"
      StrCpy $2 $2 "" 1
    ${EndIf}
    StrCpy $3 $2 1 -1
    ${If} $3 == ";"
      StrCpy $2 $2 -1
    ${EndIf}
    WriteRegExpandStr HKCU "${ENVIRONMENT_KEY}" "Path" "$2"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegValue HKCU "Software\Classes\.json\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP_EXE}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_NAME}"
  RMDir /r "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; The user's cases, memos, backups and settings (platformdirs: %LOCALAPPDATA%\Waypoint):
  ; kept unless the user explicitly asks, "No" the default; never deleted when silent.
  IfSilent keep_data
  IfFileExists "$LOCALAPPDATA\${APP_NAME}\*.*" 0 keep_data
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
    "Also delete your Waypoint cases, memos, backups and settings?$\r$\n$\r$\n$LOCALAPPDATA\${APP_NAME}$\r$\n$\r$\nChoose No to keep them (for a later installation or to copy them elsewhere)." \
    /SD IDNO IDNO keep_data
  RMDir /r "$LOCALAPPDATA\${APP_NAME}"
  keep_data:
SectionEnd
