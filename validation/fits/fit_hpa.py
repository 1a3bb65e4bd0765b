#!/usr/bin/env python3
"""Offline least-squares fit of the HPA axis parameters of include/brainload/model/hpa.hpp.

A re-implementation of the HPA equations of hpa.hpp (CRH, ACTH, cortisol with MR and GR
feedback, circadian drive, awakening drive, multiplicative exercise drive, plasma volume), fitted
to the catalogue's *fitted* HPA targets only:
  - the Debono et al. 2009 serum profile (8 points read off the figure), its peak value
    (400-450 nmol/L) and peak clock (08:00-09:00): hpa.cortisol_day.*;
  - the awakening rise, +50 % in 30 min (Wüst et al. 2000): hpa.awakening.rise_30min;
  - Hill et al. 2008: +40 % and +83 % measured cortisol after 30 min at 60 and 80 % VO2max, and
    their measured plasma-volume changes (-9.9 % at 40 %, -17 % at 80 %): hpa.hill.v60, .v80.
The held-out HPA targets (hpa.hill.rest_control, hpa.awakening.time_of_peak) are not in the
objective. Fixed (not fitted): the three half-lives (Karin et al. 2020), gr_k, the awakening
drive's time constant, the exercise threshold and the plasma volume's two time constants (onset and
return).

Run with Debian's python3 (numpy, scipy): /usr/bin/python3 validation/fits/fit_hpa.py
(`fit_hpa.py acth` runs the rejected nine-parameter refit of docs/research/cortisol_recovery_timing.md,
with the cortisol half-life fitted and Farrell et al.'s ACTH fold in the objective.)
It prints the fitted vector [c1, c2, phase1, phase2, scale, awakening_gain, exercise_gain,
plasma_volume_slope] and the fit's values. Result used in hpa.hpp, with kgr = 4 (Milo et al.
2025's KGR; docs/research/cortisol_recovery_timing.md, last section), cost 6.08:
[1.8953, -0.6224, 580.43, 0.884, 154.75, 3.074, 29.95, 0.2329]; refitted from it with the
awakening rise read on free cortisol (docs/research/free_cortisol.md), cost 4.16, and used in
hpa.hpp since: [1.8910, -0.6170, 580.25, 719.53 (= -0.47 + 720, the second harmonic's period),
154.69, 3.175, 29.95, 0.2315]. With kgr = 3 (assumed until
then; `fit_hpa.py kgr=3`), cost 6.23: [2.0129, -0.5689, 582.58, 7.26, 158.68, 4.640, 27.16, 0.2303].
Refitted from the kgr = 4 vector above (the script's start, as below) after the plasma volume was
given an onset time constant of
its own (5/ln 20 = 1.67 min; docs/research/cortisol_recovery_timing.md, the asymmetric-shift
decision), cost 4.17, and used in hpa.hpp since: [1.8936, -0.6298, 579.65, 720.42 (= 0.42 + 720),
154.67, 3.061, 30.16, 0.2202].
"""
import numpy as np, sys, json
from scipy.integrate import solve_ivp
from scipy.optimize import least_squares

LN2=np.log(2)
P=dict(crh=4.0, acth=20.0, cort=80.0, kgr=4.0, wake=7*60.0, sleep=23*60.0, car_tau=15.0,
       thr=0.5, pv_tau=10.0, pv_on_tau=5.0/np.log(20.0))

# Free cortisol (docs/research/free_cortisol.md; hpa.hpp free_cortisol_nmol_l): the positive root
# of T = U(1 + N) + G K U/(1 + K U), Coolens et al. 1987's K and N, G = 650 nmol/L. The awakening
# target (Wüst et al., saliva) is read on it since that decision; at rest the plasma volume is 1.
CBG=dict(G=650.0,K=0.03,N=1.74)
def free_cortisol(total,v=1.0):
    g=CBG['G']/v; n1=1.0+CBG['N']
    b=1.0/CBG['K']+(g-total)/n1; c=total/(CBG['K']*n1)
    return 2.0*c/(b+np.sqrt(b*b+4.0*c))

def gr(x,k): return 1.0/(1.0+(max(x,0)/k)**3)
def fb_crh(x,k): return (1.0/max(x,1e-6))*gr(x,k)/gr(1.0,k)
def fb_acth(x,k): return gr(x,k)/gr(1.0,k)

def u_circ(clock,c1,c2,p1,p2,norm=1.0):
    w=2*np.pi/1440
    return np.exp(c1*np.cos(w*(clock-p1))+c2*np.cos(2*w*(clock-p2)))/norm

def rhs(t,y,th,work_fn,start_clock,react=1.0):
    c1,c2,p1,p2,scale,gcar,gex,spv=th[:8]
    x1,x2,x3,pv=y
    clock=(start_clock+t)%1440
    work=work_fn(t)
    since=clock-P['wake']
    car=gcar*np.exp(-since/P['car_tau']) if (0<=since<P['sleep']-P['wake']) else 0.0
    ex=gex*react*min(max((work-P['thr'])/(1-P['thr']),0),1)
    u=u_circ(clock,c1,c2,p1,p2)*(1+car+ex)
    a1,a2,a3=LN2/P['crh'],LN2/P['acth'],LN2/cort_half_life(th)
    pvs=1-spv*work
    # the volume falls with the onset time constant and returns with the slower one
    # (docs/research/cortisol_recovery_timing.md, the asymmetric-shift decision)
    pv_tau=P['pv_on_tau'] if pvs<pv else P['pv_tau']
    return [a1*(u*fb_crh(x3,P['kgr'])-x1), a2*(x1*fb_acth(x3,P['kgr'])-x2), a3*(x2-x3), (pvs-pv)/pv_tau]

def cort_half_life(th):
    # the ninth parameter, fitted since the ACTH decision of docs/research/cortisol_recovery_timing.md
    return th[8] if len(th)>8 else P['cort']

def run(th,days,start_clock,work_fn=lambda t:0.0,y0=None,tmax=None,react=1.0):
    y0=y0 or [1,1,1,1]
    T=tmax or days*1440
    # integrate piecewise at the wake time so the CAR discontinuity is a boundary
    sol=solve_ivp(rhs,(0,T),y0,args=(th,work_fn,start_clock,react),max_step=2.0,rtol=1e-6,atol=1e-9,dense_output=True)
    return sol

def spin(th,start_clock):
    # three rest days from start_clock, return state at the start of the 4th
    s=run(th,2,start_clock)
    return list(s.y[:,-1])

def rest_day(th):
    y0=spin(th,0.0)
    s=run(th,1,0.0,y0=y0)
    return s

debono=[(0,50),(180,90),(360,300),(510,430),(720,280),(960,180),(1200,110),(1380,60)]
hill=[(0.4,0.057),(0.6,0.399),(0.8,0.831)]
# Hill et al.'s active, moderately trained men: the 'recreational' subject of subject_norms.hpp,
# whose exercise cortisol reactivity is 0.85.
HILL_REACTIVITY=0.85

def residuals(th,verbose=False):
    c1,c2,p1,p2,scale,gcar,gex,spv=th[:8]
    y0=spin(th,0.0)
    s=run(th,1,0.0,y0=y0)
    r=[]
    for t,v in debono:
        val=s.sol(t)[2]*scale
        r.append(np.log(val/v)/0.1*(2.0 if t==510 else 1.0))
    # Debono peak value (400-450 nmol/L) and clock (08:00-09:00), on a 1-min grid
    ts=np.arange(0,1440,1.0); v=s.sol(ts)[2]*scale
    r.append((v.max()-425.0)/12.5); r.append((ts[v.argmax()]/60-8.5)/0.25)
    # CAR: 07:00 -> 07:30
    car=free_cortisol(s.sol(450)[2]*scale)/free_cortisol(s.sol(420)[2]*scale)-1
    r.append((car-0.50)/0.125)
    out={}
    for x,obs in hill:
        wf=lambda t,x=x: x if 600<=t<630 else 0.0
        se=run(th,1,0.0,work_fn=wf,y0=y0,tmax=700,react=HILL_REACTIVITY)
        pre=se.sol(600); post=se.sol(630)
        ch=(post[2]/post[3])/(pre[2]/pre[3])-1
        out[x]=(ch,post[3]-1)
        if x>0.5: r.append((ch-obs)/(0.075 if x<0.7 else 0.118))
    # PV: -9.9 % at 40 %, -17 % at 80 %
    r.append((out[0.4][1]+0.099)/0.02); r.append((out[0.8][1]+0.17)/0.02)
    # Farrell et al. 1983: plasma ACTH x2.25 (+124.6 %) after 20 min of running at 80 % VO2max at
    # 09:00 (clock 540-560), measured through the plasma volume; sigma = half the +/- 50 % band.
    acth=None
    if len(th)>8:
        wf=lambda t: 0.8 if 540<=t<560 else 0.0
        se=run(th,1,0.0,work_fn=wf,y0=y0,tmax=600,react=HILL_REACTIVITY)
        pre=se.sol(539); post=se.sol(560)
        acth=(post[1]/post[3])/(pre[1]/pre[3])-1
        r.append((acth-1.246)/0.3115)
    if verbose:
        print('profile',[(t,round(s.sol(t)[2]*scale)) for t,_ in debono])
        ts=np.arange(0,1440,1.0); v=s.sol(ts)[2]*scale
        print('peak',v.max(),'at',ts[v.argmax()]/60,'nadir at',ts[v.argmin()]/60,'mean x3',s.sol(ts)[2].mean())
        print('car (free)',car,'car (total)',s.sol(450)[2]/s.sol(420)[2]-1,'peak after wake',ts[420+np.argmax(v[420:540])]-420)
        print('hill',out)
        print('farrell acth run80',acth,'cortisol half-life',cort_half_life(th))
    return np.array(r)

th0=[2.188,-0.658,529.5,51.1,210.45,1.0,3.0,0.22]
if __name__=='__main__':
    if len(sys.argv)>1 and sys.argv[1].startswith('kgr='):
        # `fit_hpa.py kgr=3 ...`: the GR threshold the fit holds fixed (default: hpa.hpp's).
        P['kgr']=float(sys.argv[1][4:]); sys.argv.pop(1)
    if len(sys.argv)>1 and sys.argv[1]=='eval':
        th=json.loads(sys.argv[2]); residuals(th,True); sys.exit()
    if len(sys.argv)>1 and sys.argv[1]=='acth':
        # The ACTH decision of docs/research/cortisol_recovery_timing.md: nine parameters, the
        # cortisol half-life (min) the ninth, started at Keenan et al.'s 49 and at 35 min, with
        # Farrell et al.'s 80 % ACTH fold in the objective. Run once (cost 10.70): half-life 19.8
        # min, exercise gain 9.07, the awakening rise +14 % and the peak at 07:43: rejected by the
        # decision's keep rule, not used in hpa.hpp.
        base=[2.0128708932351587, -0.5689202986581711, 582.5840092310193, 7.263065528093361, 158.68385454701448, 4.639735775823957]
        starts=[base+[8.0,0.23,49.0], base+[6.0,0.23,35.0]]
        lo=[-np.inf]*6+[0.0,0.0,15.0]; hi=[np.inf]*6+[100.0,0.5,150.0]
        xs=[1,1,60,60,50,1,1,0.1,10]; nfev=60; bounds=(lo,hi)
    else:
        # The fit used in hpa.hpp: eight parameters, the half-lives fixed (Karin et al. 2020).
        # Started from the kgr = 4 fit (hpa.hpp's values until the free-cortisol refit), as the
        # free-cortisol decision says (docs/research/free_cortisol.md); the kgr = 3 vector was the
        # start before. The asymmetric-shift refit kept this start: from hpa.hpp's values of then it
        # converged at a higher cost (4.226 against 4.170; cortisol_recovery_timing.md).
        starts=[[1.8953, -0.6224, 580.43, 0.884, 154.75, 3.074, 29.95, 0.2329]]
        xs=[1,1,60,60,50,1,1,0.1]; nfev=25; bounds=(-np.inf,np.inf)
    best=None
    for st in starts:
        res=least_squares(residuals,st,x_scale=xs,diff_step=1e-3,max_nfev=nfev,bounds=bounds)
        print('cost',res.cost,json.dumps(list(res.x)),flush=True)
        if best is None or res.cost<best.cost: best=res
    print(json.dumps(list(best.x))); residuals(best.x,True)
