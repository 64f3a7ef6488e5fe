import{a,b,c,d}from"./chunk-AFTUVLF3.js";import"./chunk-JJ66NMWI.js";import"./chunk-IVKBLDL3.js";export{d as afterPaint,b as core,a as earlySample,c as firstDrawing};
