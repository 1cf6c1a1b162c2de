; Windows: start the kiosk when the kiosk user logs in. electron-builder includes this file in
; the NSIS installer (nsis.include). Per-user install, so the Run key is the user's own (HKCU):
; no admin rights, and other accounts on the computer are not affected.
!macro customInstall
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "MutualAidKiosk" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}"'
!macroend

!macro customUnInstall
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "MutualAidKiosk"
!macroend
