#!/usr/bin/env python3
"""Arithmetic sketch for docs/research/il6_glycogen.md section 7 (not a fit the model uses).

A pure-Python copy of il6.hpp's three states (muscle signal M, plasma IL-6 I, glycogen G) for
constant-work bouts, without the oxygen-uptake kinetics: it reproduces the model's Fischer
folds (x1.70, x5.41 against x1.706, x5.419), Gray's x3.56 and the marathon's x467 (model x450).
It asks what a running glycogen factor r would do once k_0 is refitted to Fischer's two running
figures, as fit_il6.py would. Run: python3 validation/fits/il6_running_glycogen_sketch.py
"""
import math
P=dict(mref=0.5,k0=0.003315,kM=0.02,krel=0.6,lon=0.05,th=20.0,beta=6.2,k75=0.0194,n=2.08,mcyc=0.45,ksyn=0.0015)
def fold(x,m,minutes,rest,r=1.0,k0=None,dt=0.05,after=0.0):
    p=dict(P); 
    if k0: p['k0']=k0
    M=0.0;I=rest;G=1.0;t=0.0
    kI=math.log(2)/p['th']
    while t<minutes+after-1e-9:
        w=x if t<minutes else 0.0
        load=(m/p['mref'])*w; c=min(1,load/p['lon'])
        prod=load*p['k0']*math.exp(p['beta']*(1-G))
        kg=(p['k75']*(w/0.75)**p['n']*(p['mcyc']/m)*r) if w>0 else 0
        dM=prod-p['kM']*M; dI=p['krel']*c*max(0,M)-kI*(I-rest); dG=-kg*G+p['ksyn']*(1-G)*(1-c)
        M+=dM*dt;I+=dI*dt;G+=dG*dt;t+=dt
    return I/rest,G
rest_rec=1.3; rest_tr=1.3*0.85
def report(r,k0=None):
    f30=fold(0.65,0.6,30,rest_rec,r,k0)[0]; f60=fold(0.65,0.6,60,rest_rec,r,k0)[0]
    fm,Gm=fold(0.75,0.6,206,rest_tr,r,k0); fg=fold(0.55,0.45,60,rest_rec,1.0,k0)[0]
    return f30,f60,fm,Gm,fg
print('current', report(1.0))
def fit(r):
    lo,hi=math.log(1e-4),math.log(0.05)
    def loss(lk):
        f30,f60,*_=report(r,math.exp(lk)); return math.log(f30/2)**2+math.log(f60/5)**2
    g=(math.sqrt(5)-1)/2
    a,b=lo,hi
    for _ in range(40):
        c=b-g*(b-a); d=a+g*(b-a)
        if loss(c)<loss(d): b=d
        else: a=c
    return math.exp((a+b)/2)
for r in (1.0,0.255):
    k=fit(r); print(r, 'k0=%.6f'%k, ['%.3f'%v for v in report(r,k)])
