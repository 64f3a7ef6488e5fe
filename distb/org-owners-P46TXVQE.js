import{c as a,d as b}from"./chunk-LXGVGEQT.js";import"./chunk-7YDD6Y5R.js";import"./chunk-MCU74N2V.js";export{b as chooseOwners,a as ownersView};
